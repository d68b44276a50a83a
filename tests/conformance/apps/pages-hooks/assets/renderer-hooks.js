/* global window */
// Renderer hooks for tests/conformance/hooks.test.ts (C148): registered on the global the dash-ts
// renderer reads (src/renderer/transport/renderer-hooks.ts) before the renderer module runs.
window.hookLog = [];
window.dash_ts_hooks = {
  layout_pre() {
    window.hookLog.push('layout_pre');
  },
  layout_post(layout) {
    window.hookLog.push('layout_post');
    // Mutations of the received layout are what renders.
    layout.props.children[0].props.value = 'from-layout-post';
  },
  request_pre(payload) {
    window.hookLog.push('request_pre:' + payload.output);
    // Mutations of the payload reach the server.
    payload.inputs[0].value = payload.inputs[0].value + '+pre';
  },
  request_post(payload, response) {
    window.hookLog.push('request_post:' + payload.inputs[0].value + ':' + JSON.stringify(response));
    // Mutations of the response map are what the renderer applies.
    response.out.children = response.out.children + '+post';
  },
  request_refresh_jwt(oldToken) {
    window.hookLog.push('refresh:' + String(oldToken));
    return 'token-2';
  },
};
