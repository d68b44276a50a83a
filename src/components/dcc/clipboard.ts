/**
 * dcc.Clipboard: a copy button that copies an element's text or `content` to the clipboard.
 * Props: spec/components.md §3.24.
 */
import { z } from 'zod';
import { childrenSchema, defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { baseProps, counterProp, idSchema } from './common.js';

export const Clipboard = defineComponent({
  namespace: 'dash_core_components',
  type: 'Clipboard',
  description: 'A button that copies the text of `target_id` or `content` to the clipboard.',
  childrenProps: ['copied_children'],
  props: {
    id: baseProps.id,
    children: childrenSchema.optional().describe('Button content before copying. Default: a copy icon.'),
    copied_children: childrenSchema
      .optional()
      .describe('Button content for about one second after copying. Default: a check icon.'),
    target_id: idSchema
      .nullable()
      .optional()
      .describe('Id (string or dict) of the element whose text (innerText, else .value) is copied.'),
    content: z
      .string()
      .nullable()
      .optional()
      .describe('Text copied when target_id is not set; a callback on n_clicks can fill it.'),
    n_clicks: counterProp('Number of clicks on the copy button. Default 0.'),
    html_content: z
      .string()
      .nullable()
      .optional()
      .describe('HTML copied as text/html (content is the text/plain part).'),
    title: z.string().optional().describe('Native tooltip of the button.'),
    className: baseProps.className,
    style: baseProps.style,
    loading_state: baseProps.loading_state,
  },
});

/** The props of dcc.Clipboard. */
export type ClipboardProps = PropsOf<typeof Clipboard>;
