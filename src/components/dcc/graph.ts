/**
 * dcc.Graph: a plotly.js figure plus the interaction data the user produces on it (click, hover,
 * selection, zoom, legend toggles). Props: spec/components.md §3.1 (Dash's names and order).
 */
import { z } from 'zod';
import { defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { idSchema, loadingStateSchema, styleSchema } from './common.js';

/** A scalar taken from a plotly point (Dash keeps only non-object, non-array fields). */
const datum = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One point of click/hover/selection data, after Dash's filtering; other scalar fields pass. */
export const graphPointSchema = z.looseObject({
  curveNumber: z.number().optional(),
  pointNumber: z.number().optional(),
  pointIndex: z.number().optional(),
  pointNumbers: z.array(z.number()).optional().describe('Points aggregated into this one (histograms).'),
  x: datum.optional(),
  y: datum.optional(),
  z: datum.optional(),
  text: datum.optional(),
  label: datum.optional(),
  value: datum.optional(),
  customdata: z.unknown().optional().describe("This point's entry of the trace's customdata."),
  bbox: z.record(z.string(), z.number()).optional().describe('Bounding box of the hovered point, in px.'),
});

/** Click, hover and selection payloads: the points, plus extras per event. */
export const graphPointsDataSchema = z.looseObject({
  points: z.array(graphPointSchema),
  timestamp: z.number().optional().describe('Click time (ms since epoch), so repeated clicks still change the prop.'),
  range: z.record(z.string(), z.array(z.union([z.number(), z.string()]))).optional(),
  lassoPoints: z.record(z.string(), z.array(z.union([z.number(), z.string(), z.null()]))).optional(),
});

const figureSchema = z
  .object({
    data: z.array(z.record(z.string(), z.unknown())).optional(),
    layout: z.record(z.string(), z.unknown()).optional(),
    frames: z.array(z.record(z.string(), z.unknown())).optional(),
  })
  .strict();

const editsSchema = z
  .object({
    annotationPosition: z.boolean(),
    annotationTail: z.boolean(),
    annotationText: z.boolean(),
    axisTitleText: z.boolean(),
    colorbarPosition: z.boolean(),
    colorbarTitleText: z.boolean(),
    legendPosition: z.boolean(),
    legendText: z.boolean(),
    shapePosition: z.boolean(),
    titleText: z.boolean(),
  })
  .partial()
  .strict();

/** plotly.js config: Dash's exact shape, so a misspelt key is an error. */
export const graphConfigSchema = z
  .object({
    staticPlot: z.boolean().describe('No interactivity, for export or image generation.'),
    plotlyServerURL: z.string().describe('Base URL of a Plotly cloud instance (with showSendToCloud).'),
    editable: z.boolean().describe('Allow editing titles, moving annotations, etc.'),
    editSelection: z.boolean().describe('Allow editing selections.'),
    edits: editsSchema.describe('Which parts are editable, overriding `editable` piece by piece.'),
    autosizable: z.boolean().describe('Autosize once regardless of layout.autosize.'),
    responsive: z.boolean().describe('Resize the plot when the window resizes.'),
    queueLength: z.number().describe('Length of the undo/redo queue.'),
    fillFrame: z.boolean().describe('When autosizing, fill the container or the screen.'),
    frameMargins: z.number().describe('When autosizing, frame margins in percent of the plot size.'),
    scrollZoom: z.boolean().describe('Mouse wheel or two-finger scroll zooms the plot.'),
    doubleClick: z
      .union([z.literal(false), z.enum(['reset', 'autosize', 'reset+autosize'])])
      .describe("Double-click action: false, 'reset', 'autosize' or 'reset+autosize'."),
    doubleClickDelay: z.number().describe('Delay in ms for registering a double click (100 to 1000).'),
    showTips: z.boolean().describe('Show hints about interactivity to new users.'),
    showAxisDragHandles: z.boolean().describe('Enable axis pan/zoom drag handles.'),
    showAxisRangeEntryBoxes: z.boolean().describe('Enable typing a range at the drag handles.'),
    showLink: z.boolean().describe('Link to open this plot in Plotly.'),
    sendData: z.boolean().describe('Whether that link sends the data.'),
    linkText: z.string().describe('Text of that link.'),
    displayModeBar: z.union([z.boolean(), z.literal('hover')]).describe("Show the mode bar: true, false or 'hover'."),
    showSendToCloud: z.boolean().describe('Mode bar button sending the data to plotlyServerURL.'),
    showEditInChartStudio: z.boolean().describe('Mode bar button opening the plot in Chart Studio.'),
    modeBarButtonsToRemove: z.array(z.unknown()).describe('Names of mode bar buttons to remove.'),
    modeBarButtonsToAdd: z.array(z.unknown()).describe('Mode bar buttons to add (names or button configs).'),
    modeBarButtons: z.unknown().describe('Fully custom mode bar: groups of button names or configs.'),
    toImageButtonOptions: z
      .object({
        format: z.enum(['jpeg', 'png', 'webp', 'svg']),
        filename: z.string(),
        width: z.number(),
        height: z.number(),
        scale: z.number(),
      })
      .partial()
      .strict()
      .describe('Options of the download-as-image button.'),
    displaylogo: z.boolean().describe('Show the Plotly logo at the end of the mode bar.'),
    watermark: z.boolean().describe('Show the Plotly logo even without a mode bar.'),
    plotGlPixelRatio: z.number().describe('Pixel ratio of WebGL plot images.'),
    topojsonURL: z.string().describe('URL of the topojson files used by geo charts.'),
    mapboxAccessToken: z.unknown().describe('Mapbox access token (visible to every client).'),
    locale: z.string().describe('Locale to use.'),
    locales: z.record(z.string(), z.unknown()).describe('Locale definitions provided with the plot.'),
    displayNotifier: z.boolean().describe('Show plotly.js notifications.'),
  })
  .partial()
  .strict();

/** Data for Plotly.extendTraces / prependTraces: `[updateData, traceIndices?, maxPoints?]` or an update object. */
const traceUpdateSchema = z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]);

export const Graph = defineComponent({
  namespace: 'dash_core_components',
  type: 'Graph',
  description: 'A plotly.js chart; clicks, hovers, selections and zooms on it are written back as props.',
  props: {
    id: idSchema.optional().describe('The id of this component, used to identify it in callbacks.'),
    responsive: z
      .union([z.boolean(), z.literal('auto')])
      .optional()
      .describe("true: always resize with the container; false: never; 'auto' (default): from config/layout."),
    clickData: graphPointsDataSchema.nullable().optional().describe('Points of the latest click (read-only).'),
    clickAnnotationData: z
      .record(z.string(), z.unknown())
      .nullable()
      .optional()
      .describe('The latest clicked annotation (read-only).'),
    hoverData: graphPointsDataSchema.nullable().optional().describe('Points under the pointer (read-only).'),
    clear_on_unhover: z.boolean().optional().describe('If true, hoverData is reset to null when the pointer leaves.'),
    selectedData: graphPointsDataSchema
      .nullable()
      .optional()
      .describe('Points of the latest box/lasso selection, with range or lassoPoints (read-only).'),
    relayoutData: z
      .record(z.string(), z.unknown())
      .nullable()
      .optional()
      .describe('The latest layout edit (zoom, pan, autoscale, shape drawing...) as {attribute: value} (read-only).'),
    extendData: traceUpdateSchema
      .nullable()
      .optional()
      .describe('[updateData, traceIndices?, maxPoints?] appended to traces without resending the figure.'),
    prependData: traceUpdateSchema
      .nullable()
      .optional()
      .describe('[updateData, traceIndices?, maxPoints?] prepended to traces without resending the figure.'),
    restyleData: z
      .array(z.unknown())
      .nullable()
      .optional()
      .describe('The latest trace edit (legend toggle...) as [edits, traceIndices] (read-only).'),
    figure: figureSchema.optional().describe('The plotly.js figure: {data, layout, frames}.'),
    mathjax: z.boolean().optional().describe('Typeset LaTeX in the figure with MathJax.'),
    animate: z.boolean().optional().describe('Beta: animate between figures when the trace count is unchanged.'),
    animation_options: z.record(z.string(), z.unknown()).optional().describe('Beta: options for Plotly.animate.'),
    config: graphConfigSchema.optional().describe('plotly.js config (mode bar, zoom, editing, locale...).'),
    className: z.string().optional().describe('CSS class names of the outer div (dash-graph is always added).'),
    style: styleSchema.optional().describe('Inline style of the outer div (height defaults to 100% when responsive).'),
    loading_state: loadingStateSchema
      .optional()
      .describe('Set by the renderer while a callback writes this component.'),
  },
});

export type GraphProps = PropsOf<typeof Graph>;
