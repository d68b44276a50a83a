/**
 * dcc.Input: a single-line input (text, number, password, ...). Props: spec/components.md §3.5.
 */
import { z } from 'zod';
import { defineComponent } from '../define.js';
import { baseProps, persistenceProps } from './common.js';

export const Input = defineComponent({
  namespace: 'dash_core_components',
  type: 'Input',
  description: 'A basic HTML input control for entering text, numbers, or passwords.',
  props: {
    ...baseProps,
    ...persistenceProps,
    value: z.union([z.string(), z.number()]).nullable().optional().describe('The value of the input.'),
    type: z
      .enum(['text', 'number', 'password', 'email', 'range', 'search', 'tel', 'url', 'hidden'])
      .optional()
      .describe('The type of control to render. Default "text".'),
    debounce: z
      .union([z.boolean(), z.number()])
      .optional()
      .describe('If true, changes reach the server only on Enter or blur; a number waits that many seconds.'),
    placeholder: z.union([z.string(), z.number()]).optional().describe('A hint shown while the input is empty.'),
    n_submit: z.number().int().optional().describe('Number of times Enter was pressed while focused.'),
    n_submit_timestamp: z.number().optional().describe('Last time Enter was pressed (ms since epoch).'),
    n_blur: z.number().int().optional().describe('Number of times the input lost focus.'),
    n_blur_timestamp: z.number().optional().describe('Last time the input lost focus (ms since epoch).'),
    disabled: z.boolean().optional().describe('If true, the input is disabled.'),
  },
});
