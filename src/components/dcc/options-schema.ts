/**
 * The schema of the `options` prop of Dropdown, Checklist and RadioItems (spec/components.md §3.2,
 * §3.7): a list of values, a list of option objects, or a `{value: label}` dict. Normalisation (for
 * views, without zod) lives in options.ts.
 */
import { z } from 'zod';
import { childrenSchema } from '../define.js';

/** A value an option can carry. */
export const optionValueSchema = z.union([z.string(), z.number(), z.boolean()]);
export type OptionValue = z.infer<typeof optionValueSchema>;

/** An option written out in full. The label may be text or components. */
export const detailedOptionSchema = z.object({
  label: childrenSchema.describe('Text (or components) shown for the option.'),
  value: optionValueSchema.describe('The value written to `value` when the option is picked.'),
  disabled: z.boolean().optional().describe('The option cannot be picked.'),
  title: z.string().optional().describe('Native tooltip of the option.'),
  search: z.string().optional().describe('Extra text the Dropdown search matches (Dropdown only).'),
});
export type DetailedOption = z.infer<typeof detailedOptionSchema>;

/** The `options` prop: a list of values or option objects, or a `{value: label}` dict. */
export const optionsSchema = z.union([
  z.array(z.union([optionValueSchema, detailedOptionSchema])),
  z.record(z.string(), childrenSchema),
]);
export type Options = z.input<typeof optionsSchema>;
