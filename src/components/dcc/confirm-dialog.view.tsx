/**
 * dcc.ConfirmDialog view (spec/components.md §3.22): renders nothing; while `displayed` is true it
 * asks the browser's confirm() and writes the answer back (see confirm-dialog-answer.browser.ts).
 */
import type { ViewProps } from '../../renderer/component-api.js';
import { useConfirmAnswer } from './confirm-dialog-answer.browser.js';
import type { ConfirmDialogProps } from './confirm-dialog.js';

export default function ConfirmDialogView(props: ViewProps<ConfirmDialogProps>) {
  useConfirmAnswer(props);
  return null;
}
