import { z } from 'zod';
import { childrenSchema, defineComponent } from '../define.js';
export const Div = defineComponent({
  namespace: 'dash_html_components',
  type: 'Div',
  description: 'div',
  wildcardAttributes: true,
  props: { id: z.string().optional(), children: childrenSchema.optional(), n_clicks: z.number().optional(), style: z.record(z.string(), z.union([z.string(), z.number()])).optional() },
});
