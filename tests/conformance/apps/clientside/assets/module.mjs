/* global window */
// An ES-module asset (checklist 120): module scripts may define clientside namespaces too.
const shout = (value) => `module says ${String(value).toUpperCase()}`;
window.dash_clientside = Object.assign({}, window.dash_clientside, { mod: { shout } });
