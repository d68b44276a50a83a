/**
 * dcc.Upload: a drop zone that also opens the file dialog on click; files are read as data URLs.
 * Props: spec/components.md §3.12. `accept`, `max_size` and `min_size` are checked in the browser
 * only (as in Dash); the server's `max_upload_bytes` option bounds what a callback request may carry.
 */
import { z } from 'zod';
import { childrenSchema, defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { baseProps, styleSchema } from './common.js';

export const Upload = defineComponent({
  namespace: 'dash_core_components',
  type: 'Upload',
  description: 'A drop zone (and file dialog on click) whose files reach callbacks as base64 data URLs.',
  props: {
    ...baseProps,
    children: childrenSchema.optional().describe('Content of the drop zone (text or components).'),
    contents: z
      .union([z.string(), z.array(z.string())])
      .nullable()
      .optional()
      .describe('File content as a base64 data URL ("data:<mime>;base64,..."); a list when multiple.'),
    filename: z
      .union([z.string(), z.array(z.string())])
      .nullable()
      .optional()
      .describe('File name(s) without local path; with folder upload, the relative path inside the folder.'),
    last_modified: z
      .union([z.number(), z.array(z.number())])
      .nullable()
      .optional()
      .describe('Last-modified time(s) in seconds since epoch.'),
    accept: z
      .string()
      .optional()
      .describe('Accepted types: MIME types, wildcards like image/*, or extensions like .csv (comma-separated).'),
    disabled: z.boolean().optional().describe('Disable the drop zone. Default false.'),
    disable_click: z.boolean().optional().describe('Do not open the file dialog on click (drag-and-drop only).'),
    max_size: z
      .number()
      .optional()
      .describe('Largest accepted file in bytes; -1 (default) = unlimited. Larger files are refused with a message.'),
    min_size: z.number().optional().describe('Smallest accepted file in bytes. Default 0.'),
    multiple: z
      .boolean()
      .optional()
      .describe('Accept several files (props become lists); also enables dropping folders.'),
    enable_folder_selection: z
      .boolean()
      .optional()
      .describe('With multiple=true, the file dialog selects folders instead of files.'),
    className_active: z.string().optional().describe('Class while a file is dragged over.'),
    className_reject: z.string().optional().describe('Class while a rejected file is dragged over.'),
    className_disabled: z.string().optional().describe('Class when disabled.'),
    style_active: styleSchema
      .optional()
      .describe('Style while dragging over (ignored if className_active is set). Default solid green border.'),
    style_reject: styleSchema
      .optional()
      .describe('Style for rejected drags (ignored if className_reject is set). Default solid red border.'),
    style_disabled: styleSchema
      .optional()
      .describe('Style when disabled (ignored if className_disabled is set). Default {opacity: 0.5}.'),
  },
});

/** The props of dcc.Upload. */
export type UploadProps = PropsOf<typeof Upload>;
