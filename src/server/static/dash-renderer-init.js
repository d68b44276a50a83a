// Starts the unmodified Dash renderer (`renderer: 'dash'`). Dash writes this line as an inline
// <script>; dash-ts pages have none, so it is served as a file and carries the page's nonce.
/* global DashRenderer */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- a global, as in Dash's page: `window.renderer`
var renderer = new DashRenderer();
