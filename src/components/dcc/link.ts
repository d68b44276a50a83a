/**
 * dcc.Link: an anchor that navigates inside the app without a reload. Props: spec/components.md §3.17.
 */
import { z } from 'zod';
import { childrenSchema, defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { baseProps } from './common.js';

export const Link = defineComponent({
  namespace: 'dash_core_components',
  type: 'Link',
  description: 'A link that changes the page URL without reloading (updating dcc.Location).',
  props: {
    id: baseProps.id,
    children: childrenSchema.optional().describe('The link content (default: the href text).'),
    href: z.string().describe('Required. The URL to go to (checked by the URL sanitizer).'),
    target: z
      .string()
      .optional()
      .describe('Anchor target; any value other than "_self" uses normal browser navigation.'),
    refresh: z.boolean().optional().describe('Do a full page load instead of in-app navigation. Default false.'),
    title: z.string().optional().describe('Native tooltip text.'),
    className: baseProps.className,
    style: baseProps.style,
    loading_state: baseProps.loading_state,
  },
});

/** The props of dcc.Link. */
export type LinkProps = PropsOf<typeof Link>;
