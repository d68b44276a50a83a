/**
 * dcc.Download: renders nothing; setting `data` from a callback makes the browser save a file.
 * Props: spec/components.md §3.13. Build `data` on the server with sendString / sendBytes /
 * sendFile / sendDataFrame (src/server/download.ts).
 */
import { z } from 'zod';
import { defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { idSchema, loadingStateSchema } from './common.js';

/** `Download.data`: an exact shape (unknown keys are refused, as Dash's `exact` prop type). */
export const downloadDataSchema = z.strictObject({
  filename: z.string().describe('Name the browser saves the file under.'),
  content: z.string().describe('The file content: text, or base64 when `base64` is true.'),
  base64: z.boolean().optional().describe('The content is base64 and is decoded to bytes before saving.'),
  type: z.string().optional().describe('MIME type of the saved file.'),
});

export const Download = defineComponent({
  namespace: 'dash_core_components',
  type: 'Download',
  description: 'Invisible component that saves a file in the browser when a callback sets its `data`.',
  props: {
    id: idSchema.optional().describe('The id of this component, used to identify it in callbacks.'),
    loading_state: loadingStateSchema
      .optional()
      .describe('Set by the renderer while a callback writes this component.'),
    data: downloadDataSchema
      .nullable()
      .optional()
      .describe('Setting it (from a callback) triggers a browser download: {filename, content, base64?, type?}.'),
    base64: z
      .boolean()
      .optional()
      .describe('Default for data.base64: content is base64 and must be decoded. Default false.'),
    type: z.string().optional().describe("Default MIME type for the saved file. Default 'text/plain'."),
  },
});

/** The props of dcc.Download. */
export type DownloadProps = PropsOf<typeof Download>;

/** The value of `Download.data`. */
export type DownloadData = z.infer<typeof downloadDataSchema>;
