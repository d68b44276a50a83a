/**
 * dcc.Dropdown: a select box with search, single or multiple choice.
 * Props: spec/components.md §3.2 (Dash's names and order).
 */
import { z } from 'zod';
import { defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { idSchema, loadingStateSchema, persistenceProps, styleSchema } from './common.js';
import { optionValueSchema, optionsSchema } from './options-schema.js';

/** UI strings of the dropdown, for translation. */
export const dropdownLabelsSchema = z
  .object({
    select_all: z.string(),
    deselect_all: z.string(),
    selected_count: z.string().describe('"{num_selected} selected": shown when several values are selected.'),
    search: z.string(),
    clear_search: z.string(),
    clear_selection: z.string(),
    no_options_found: z.string(),
  })
  .partial()
  .strict();

export const Dropdown = defineComponent({
  namespace: 'dash_core_components',
  type: 'Dropdown',
  persistedProps: ['value'],
  // Option labels may be components (Dash's children_props: `options[].label`).
  childrenProps: ['options[].label'],
  description: 'A dropdown select box with search, for one value or (multi) several.',
  props: {
    id: idSchema.optional().describe('The id of this component, used to identify it in callbacks.'),
    options: optionsSchema
      .optional()
      .describe(
        'Choices: a list of values, a list of {label, value, disabled, title, search}, or a {value: label} dict.',
      ),
    value: z
      .union([optionValueSchema, z.array(optionValueSchema)])
      .nullable()
      .optional()
      .describe('The selected value, or list of values when multi; null when cleared.'),
    multi: z.boolean().optional().describe('Allow several selections (value becomes a list).'),
    clearable: z.boolean().optional().describe('Show a control that clears the selection. Default true.'),
    searchable: z.boolean().optional().describe('Show a search box that filters the options. Default true.'),
    search_value: z.string().nullable().optional().describe('The text in the search box, written on every keystroke.'),
    placeholder: z.string().optional().describe('Text shown while nothing is selected.'),
    disabled: z.boolean().optional().describe('If true, the selection cannot be changed.'),
    closeOnSelect: z
      .boolean()
      .optional()
      .describe('Close the menu after a pick. Default: true for single, false for multi.'),
    optionHeight: z
      .union([z.number().positive(), z.literal('auto')])
      .optional()
      .describe("Height of each option in px, or 'auto' (default) to let long labels wrap."),
    maxHeight: z.number().positive().optional().describe('Maximum height of the menu in px. Default 200.'),
    labels: dropdownLabelsSchema.optional().describe('UI strings (select all, search, no options found...).'),
    debounce: z.boolean().optional().describe('If true, value is written only when the menu closes.'),
    search_order: z
      .enum(['index', 'original'])
      .optional()
      .describe("'index' (default): search results by relevance; 'original': in options order."),
    className: z.string().optional().describe('Extra CSS class names of the root element.'),
    style: styleSchema.optional().describe('Inline style of the control.'),
    ...persistenceProps,
    loading_state: loadingStateSchema
      .optional()
      .describe('Set by the renderer while a callback writes this component.'),
  },
});

export type DropdownProps = PropsOf<typeof Dropdown>;
