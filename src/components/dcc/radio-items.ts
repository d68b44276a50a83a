/**
 * dcc.RadioItems: a list of radio buttons; `value` is the selected value. Props: spec/components.md §3.8.
 */
import { z } from 'zod';
import { defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { baseProps, persistenceProps, styleSchema } from './common.js';
import { optionsSchema, optionValueSchema } from './options-schema.js';

export const RadioItems = defineComponent({
  namespace: 'dash_core_components',
  type: 'RadioItems',
  persistedProps: ['value'],
  // Option labels may be components (Dash's children_props: `options[].label`).
  childrenProps: ['options[].label'],
  description: 'A set of radio buttons; the selected value is in `value`.',
  props: {
    id: baseProps.id,
    options: optionsSchema
      .optional()
      .describe(
        'The radio buttons: a list of values, a list of {label, value, disabled?, title?}, or a {value: label} dict.',
      ),
    value: optionValueSchema.nullable().optional().describe('The selected value.'),
    inline: z.boolean().optional().describe('Lay the options out horizontally. Default false.'),
    inputStyle: styleSchema.optional().describe('Style of each <input type="radio">.'),
    inputClassName: z.string().optional().describe('Class of each radio input.'),
    labelStyle: styleSchema.optional().describe('Style of each <label> (input and text).'),
    labelClassName: z.string().optional().describe('Class of each <label>.'),
    className: baseProps.className,
    style: baseProps.style,
    loading_state: baseProps.loading_state,
    ...persistenceProps,
  },
});

/** The props of dcc.RadioItems. */
export type RadioItemsProps = PropsOf<typeof RadioItems>;
