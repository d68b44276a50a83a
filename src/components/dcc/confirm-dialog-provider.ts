/**
 * dcc.ConfirmDialogProvider: a click on its children opens the browser's confirm() box (instead of
 * the children's own click handling). Props: spec/components.md §3.23.
 */
import { z } from 'zod';
import { childrenSchema, defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { confirmProps } from './confirm-dialog.js';

export const ConfirmDialogProvider = defineComponent({
  namespace: 'dash_core_components',
  type: 'ConfirmDialogProvider',
  description: 'Wraps a clickable child (typically a button): a click asks confirm() and counts the answers.',
  props: {
    ...confirmProps,
    displayed: z.boolean().optional().describe('True while the dialog is open; a click on the children sets it.'),
    children: childrenSchema
      .optional()
      .describe('Element(s) whose click opens the dialog (their own click handling is replaced).'),
  },
});

/** The props of dcc.ConfirmDialogProvider. */
export type ConfirmDialogProviderProps = PropsOf<typeof ConfirmDialogProvider>;
