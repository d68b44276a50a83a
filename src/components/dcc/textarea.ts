/**
 * dcc.Textarea: a multi-line text field that writes `value` on every change. Props: spec/components.md §3.6.
 */
import { z } from 'zod';
import { defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { baseProps, booleanAttribute, counterProp, persistenceProps, timestampProp } from './common.js';

export const Textarea = defineComponent({
  namespace: 'dash_core_components',
  type: 'Textarea',
  persistedProps: ['value'],
  description: 'A basic HTML textarea for entering multiline text.',
  props: {
    id: baseProps.id,
    value: z.string().nullable().optional().describe('The text in the textarea; written on every change.'),
    autoFocus: z
      .union([z.string(), z.boolean()])
      .optional()
      .describe('Focus the textarea when the page loads (a truthy string or true).'),
    cols: z.number().optional().describe('Visible width, in average character widths.'),
    disabled: booleanAttribute('disabled', 'Disable the textarea: no interaction.'),
    form: z.string().optional().describe('Id of the form the textarea belongs to.'),
    maxLength: z.number().optional().describe('Maximum number of characters.'),
    minLength: z.number().optional().describe('Minimum number of characters.'),
    name: z.string().optional().describe('Name of the control, submitted with the form data.'),
    placeholder: z.string().optional().describe('A hint shown while the textarea is empty.'),
    readOnly: booleanAttribute('readOnly', 'The user cannot change the text.'),
    required: booleanAttribute('required', 'A value is required before the form can be submitted.'),
    rows: z.number().optional().describe('Visible number of text lines.'),
    wrap: z.string().optional().describe('How the text wraps when submitted: "soft", "hard" or "off".'),
    accessKey: z.string().optional().describe('Keyboard shortcut that focuses the textarea.'),
    contentEditable: z.boolean().optional().describe('HTML contenteditable.'),
    contextMenu: z.string().optional().describe('Id of a <menu> used as context menu (obsolete HTML).'),
    dir: z.string().optional().describe('Text direction: "ltr" or "rtl".'),
    draggable: z.boolean().optional().describe('Whether the element can be dragged.'),
    hidden: z.string().optional().describe('Hide the element (any truthy string).'),
    lang: z.string().optional().describe('Language of the content.'),
    spellCheck: z.boolean().optional().describe('Check spelling and grammar.'),
    tabIndex: z.number().optional().describe('Position in the tab order.'),
    title: z.string().optional().describe('Native tooltip text.'),
    n_blur: counterProp('Number of times the textarea lost focus. Default 0.'),
    n_blur_timestamp: timestampProp('Last time the textarea lost focus (ms since epoch). Default -1.'),
    n_clicks: counterProp('Number of clicks inside the textarea. Default 0.'),
    n_clicks_timestamp: timestampProp('Last time the textarea was clicked (ms since epoch). Default -1.'),
    className: baseProps.className,
    style: baseProps.style,
    loading_state: baseProps.loading_state,
    ...persistenceProps,
  },
});

/** The props of dcc.Textarea. */
export type TextareaProps = PropsOf<typeof Textarea>;
