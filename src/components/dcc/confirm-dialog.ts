/**
 * dcc.ConfirmDialog: opens the browser's confirm() box when `displayed` is set and counts the answers.
 * Props: spec/components.md §3.22.
 */
import { z } from 'zod';
import { defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { baseProps, counterProp, timestampProp } from './common.js';

/** The props ConfirmDialog and ConfirmDialogProvider share (answers are written back the same way). */
export const confirmProps = {
  id: baseProps.id,
  message: z.string().optional().describe('Text of the browser confirm() box.'),
  submit_n_clicks: counterProp('Number of OK answers. Default 0.'),
  submit_n_clicks_timestamp: timestampProp('Time of the last OK answer (ms since epoch). Default -1.'),
  cancel_n_clicks: counterProp('Number of Cancel answers. Default 0.'),
  cancel_n_clicks_timestamp: timestampProp('Time of the last Cancel answer (ms since epoch). Default -1.'),
};

export const ConfirmDialog = defineComponent({
  namespace: 'dash_core_components',
  type: 'ConfirmDialog',
  description: 'Shows the browser confirm() box when `displayed` becomes true and counts OK and Cancel answers.',
  props: {
    ...confirmProps,
    displayed: z
      .boolean()
      .optional()
      .describe('Set true (e.g. from a callback) to open the dialog; reset to false after the answer.'),
  },
});

/** The props of dcc.ConfirmDialog. */
export type ConfirmDialogProps = PropsOf<typeof ConfirmDialog>;
