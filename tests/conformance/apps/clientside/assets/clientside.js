/* global window */
// Clientside callback functions of tests/conformance/clientside.test.ts, defined the way Dash apps do:
// a classic asset script adding a namespace to window.dash_clientside.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  clientside: {
    calls: {},
    depSeen: [],
    count: function (name) {
      this.calls[name] = (this.calls[name] || 0) + 1;
    },
    display: function (value) {
      this.count('display');
      return 'Client says "' + value + '"';
    },
    multi: function (value) {
      return [value + '-1', value + '-2'];
    },
    maybeFail: function (n) {
      if (n % 2 === 1) throw new Error('boom ' + n);
      return 'ok ' + n;
    },
    prevent: function (n) {
      if (n === 1) throw window.dash_clientside.PreventUpdate;
      if (n === 3) return window.dash_clientside.no_update;
      return ['a' + n, window.dash_clientside.no_update];
    },
    slowly: function (value) {
      return new Promise(function (resolve) {
        setTimeout(function () {
          resolve('p:' + value);
        }, 300);
      });
    },
    seeDep: function (value) {
      this.depSeen.push(value);
      return 'dep:' + value;
    },
    // C053: a promise the test releases, for any value but the first one.
    gated: function (value) {
      if (value === 'start') return 'cs:' + value;
      return new Promise(function (resolve) {
        window.dash_clientside.clientside.release = function () {
          resolve('cs:' + value);
        };
      });
    },
    upper: function (value) {
      this.count('upper');
      return typeof value === 'string' ? value.toUpperCase() : value;
    },
    follow: function (value) {
      this.count('follow');
      return 'followed ' + value;
    },
  },
});
