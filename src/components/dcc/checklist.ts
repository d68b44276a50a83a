/**
 * dcc.Checklist: a list of checkboxes; `value` is the list of checked values. Props: spec/components.md §3.7.
 */
import { z } from 'zod';
import { defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { baseProps, persistenceProps, styleSchema } from './common.js';
import { optionsSchema, optionValueSchema } from './options-schema.js';

export const Checklist = defineComponent({
  namespace: 'dash_core_components',
  type: 'Checklist',
  persistedProps: ['value'],
  // Option labels may be components (Dash's children_props: `options[].label`).
  childrenProps: ['options[].label'],
  description: 'A set of checkboxes; the checked values are in `value`.',
  props: {
    id: baseProps.id,
    options: optionsSchema
      .optional()
      .describe(
        'The checkboxes: a list of values, a list of {label, value, disabled?, title?}, or a {value: label} dict.',
      ),
    value: z.array(optionValueSchema).nullable().optional().describe('The checked values. Default [].'),
    inline: z.boolean().optional().describe('Lay the options out horizontally. Default false.'),
    inputStyle: styleSchema.optional().describe('Style of each <input type="checkbox">.'),
    inputClassName: z.string().optional().describe('Class of each checkbox input.'),
    labelStyle: styleSchema.optional().describe('Style of each <label> (input and text).'),
    labelClassName: z.string().optional().describe('Class of each <label>.'),
    className: baseProps.className,
    style: baseProps.style,
    loading_state: baseProps.loading_state,
    ...persistenceProps,
  },
});

/** The props of dcc.Checklist. */
export type ChecklistProps = PropsOf<typeof Checklist>;
