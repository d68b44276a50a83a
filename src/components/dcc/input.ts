/**
 * dcc.Input: a single-line input (text, number, password, ...). Props: spec/components.md §3.5.
 */
import { z } from 'zod';
import { defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { baseProps, booleanAttribute, counterProp, persistenceProps, timestampProp } from './common.js';

export const Input = defineComponent({
  namespace: 'dash_core_components',
  type: 'Input',
  persistedProps: ['value'],
  description: 'A basic HTML input control for entering text, numbers, or passwords.',
  props: {
    ...baseProps,
    value: z
      .union([z.string(), z.number()])
      .nullable()
      .optional()
      .describe('The value of the input. For type number it is a number (null while the text is not a valid number).'),
    type: z
      .enum(['text', 'number', 'password', 'email', 'range', 'search', 'tel', 'url', 'hidden'])
      .optional()
      .describe('The type of control to render. Default "text".'),
    debounce: z
      .union([z.boolean(), z.number()])
      .optional()
      .describe(
        'false (default): send the value on every change; true: only on Enter or blur; a number: after that many seconds without typing.',
      ),
    placeholder: z.union([z.string(), z.number()]).optional().describe('A hint shown while the input is empty.'),
    n_submit: counterProp('Number of times Enter was pressed while the input had focus. Default 0.'),
    n_submit_timestamp: timestampProp('Last time Enter was pressed (ms since epoch). Default -1.'),
    inputMode: z
      .enum([
        'verbatim',
        'latin',
        'latin-name',
        'latin-prose',
        'full-width-latin',
        'kana',
        'katakana',
        'numeric',
        'tel',
        'email',
        'url',
      ])
      .optional()
      .describe('Hint for the virtual keyboard (HTML inputmode).'),
    autoComplete: z.string().optional().describe('HTML autocomplete attribute.'),
    readOnly: booleanAttribute('readOnly', 'The user cannot change the value.'),
    required: booleanAttribute('required', 'A value is required before the form can be submitted.'),
    autoFocus: booleanAttribute('autoFocus', 'Focus the input when the page loads.'),
    disabled: booleanAttribute('disabled', 'Disable the input: no interaction.'),
    list: z.string().optional().describe('Id of a <datalist> offering suggestions.'),
    multiple: z.boolean().optional().describe('Allow several values (email type).'),
    spellCheck: z
      .union([z.boolean(), z.literal(['true', 'false'])])
      .optional()
      .describe('Check spelling and grammar.'),
    name: z.string().optional().describe('Name of the control, submitted with the form data.'),
    min: z.union([z.string(), z.number()]).optional().describe('Minimum value (number type); also bounds the stepper.'),
    max: z.union([z.string(), z.number()]).optional().describe('Maximum value (number type); also bounds the stepper.'),
    step: z
      .union([z.string(), z.number()])
      .optional()
      .describe('Step of number inputs ("any", the default, is unconstrained); used by the +/- stepper.'),
    minLength: z.union([z.string(), z.number()]).optional().describe('Minimum number of characters.'),
    maxLength: z.union([z.string(), z.number()]).optional().describe('Maximum number of characters.'),
    pattern: z.string().optional().describe('Regular expression the value must match (browser validation).'),
    selectionStart: z
      .string()
      .optional()
      .describe('Declared for the selection start; not wired to the DOM (as in Dash 4).'),
    selectionEnd: z
      .string()
      .optional()
      .describe('Declared for the selection end; not wired to the DOM (as in Dash 4).'),
    selectionDirection: z
      .string()
      .optional()
      .describe('Declared for the selection direction; not wired to the DOM (as in Dash 4).'),
    n_blur: counterProp('Number of times the input lost focus. Default 0.'),
    n_blur_timestamp: timestampProp('Last time the input lost focus (ms since epoch). Default -1.'),
    size: z.string().optional().describe('Visible width of the input, in characters.'),
    ...persistenceProps,
  },
});

/** The props of dcc.Input. */
export type InputProps = PropsOf<typeof Input>;
