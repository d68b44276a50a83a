/**
 * dcc.Button (new in Dash 4): a themed button counting clicks and blurs. Props: spec/components.md §3.9.
 */
import { z } from 'zod';
import { childrenSchema, defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { baseProps, counterProp, persistenceProps, timestampProp } from './common.js';

export const Button = defineComponent({
  namespace: 'dash_core_components',
  type: 'Button',
  description: 'A themed button; clicks are counted in `n_clicks`.',
  props: {
    id: baseProps.id,
    children: childrenSchema.optional().describe('The button content.'),
    type: z
      .enum(['submit', 'reset', 'button'])
      .optional()
      .describe('HTML button type. Default "button" (not the HTML default "submit").'),
    autoFocus: z.boolean().optional().describe('Focus the button when the page loads.'),
    disabled: z.boolean().optional().describe('Disable the button.'),
    form: z.string().optional().describe('Id of the form the button belongs to.'),
    formAction: z.string().optional().describe('URL a submit button sends the form to (checked by the URL sanitizer).'),
    formEncType: z.string().optional().describe('MIME type of the data a submit button sends.'),
    formMethod: z.string().optional().describe('HTTP method a submit button uses.'),
    formNoValidate: z.boolean().optional().describe('Skip form validation when this button submits.'),
    formTarget: z.string().optional().describe('Browsing context for the response of the submission.'),
    name: z.string().optional().describe('Name of the button, submitted with the form data.'),
    value: z
      .union([z.string(), z.number(), z.array(z.string())])
      .optional()
      .describe('Value submitted with the form data.'),
    accessKey: z.string().optional().describe('Keyboard shortcut that activates the button.'),
    contentEditable: z
      .union([z.boolean(), z.literal(['true', 'false', 'inherit'])])
      .optional()
      .describe('HTML contenteditable.'),
    dir: z.string().optional().describe('Text direction: "ltr" or "rtl".'),
    draggable: z.boolean().optional().describe('Whether the button can be dragged.'),
    hidden: z.boolean().optional().describe('Hide the button.'),
    lang: z.string().optional().describe('Language of the content.'),
    role: z.string().optional().describe('ARIA role.'),
    spellCheck: z.boolean().optional().describe('Check spelling and grammar.'),
    tabIndex: z.number().optional().describe('Position in the tab order.'),
    title: z.string().optional().describe('Native tooltip text.'),
    n_blur: counterProp('Number of times the button lost focus. Default 0.'),
    n_blur_timestamp: timestampProp('Last time the button lost focus (ms since epoch). Default -1.'),
    n_clicks: counterProp('Number of times the button was clicked. Default 0.'),
    n_clicks_timestamp: timestampProp('Last time the button was clicked (ms since epoch). Default -1.'),
    className: baseProps.className,
    style: baseProps.style,
    loading_state: baseProps.loading_state,
    ...persistenceProps,
  },
});

/** The props of dcc.Button. */
export type ButtonProps = PropsOf<typeof Button>;
