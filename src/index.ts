/**
 * dash-ts: Plotly Dash in TypeScript.
 *
 * @example
 * import { Dash, html, dcc, Input, Output } from "dash-ts";
 * const app = new Dash({ title: "Hello" });
 * app.layout = html.Div([dcc.Input({ id: "name", value: "world" }), html.Div({ id: "greeting" })]);
 * app.callback(Output("greeting", "children"), Input("name", "value"), (name) => `Hello ${name}`);
 * export default app;
 */
export { Dash } from './server/dash.js';
export type { Layout, RunOptions, ServerOptions, SetProgress } from './server/dash.js';
export type { DashOptions } from './server/options.js';
export type { ComponentPackage } from './server/suites.js';
export { ctx, setProps } from './server/callbacks/context.js';
export type { TriggeredProp } from './server/callbacks/context.js';
export { DashError } from './server/errors.js';
export { InProcessManager } from './server/background/in-process.js';
export type { InProcessManagerOptions } from './server/background/in-process.js';
export type {
  BackgroundManager,
  JobContext,
  JobFunction,
  JobId,
  JobInput,
  JobOutcome,
  JobSink,
} from './server/background/manager.js';
export { hooks, Hooks, HookError } from './server/hooks.js';
export type { CustomDataContext, HookOrder, HookScript, RouteHandler, RouteHookOptions } from './server/hooks.js';
export { page_container } from './server/pages/container.js';
export type { PageArguments, PageEntry, PageLayout, PageOptions, PageText } from './server/pages/registry.js';
export { ClientsideFunction } from './server/clientside.js';
export type { ClientsideCallbackFunction, ClientsideFunctionRef } from './server/clientside.js';
export type { DashErrorCode } from './server/errors.js';
export { Input, Output, State, noUpdate, NoUpdate, PreventUpdate } from './shared/dependencies.js';
export type { CallbackOptions, ComponentRef, Dependency, OutputOptions, WireValue } from './shared/dependencies.js';
export { Patch, PatchLocation } from './shared/patch.js';
export type { PatchKey, PatchOperation, PatchOperationName, PatchUpdate } from './shared/patch.js';
export type { CallbackErrorHandler, OutputReturn, RunningEntry } from './shared/dependencies.js';
export { MATCH, ALL, ALLSMALLER } from './shared/wildcards.js';
export type { ComponentId, DictId } from './shared/prop-id.js';
export type { Child, ComponentJson } from './shared/layout.js';
export type { ComponentNode, ComponentFactory, Children } from './components/define.js';
export * as html from './components/html/index.js';
export * as dcc from './components/dcc/index.js';
export { sendBytes, sendDataFrame, sendFile, sendString, toCsv } from './server/download.js';
export type { CsvOptions, DataFrameLike, DownloadData } from './server/download.js';
