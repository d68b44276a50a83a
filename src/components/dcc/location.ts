/**
 * dcc.Location: the browser URL as props (read and written); renders nothing. Props: spec/components.md §3.16.
 */
import { z } from 'zod';
import { defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { idSchema } from './common.js';

export const Location = defineComponent({
  namespace: 'dash_core_components',
  type: 'Location',
  description: 'Represents the location bar of the browser: read it, or set it to navigate.',
  props: {
    id: idSchema.describe('Required. The id of this component, used to identify it in callbacks.'),
    pathname: z.string().optional().describe('The path part of the URL, e.g. "/page/1".'),
    search: z.string().optional().describe('The query string, including "?".'),
    hash: z.string().optional().describe('The fragment, including "#".'),
    href: z.string().optional().describe('The whole URL; when set by a callback it wins over the parts.'),
    refresh: z
      .union([z.literal('callback-nav'), z.boolean()])
      .optional()
      .describe(
        'true (default): setting the URL reloads the page; false: history.pushState only; "callback-nav": pushState and notify other Locations.',
      ),
  },
});

/** The props of dcc.Location. */
export type LocationProps = PropsOf<typeof Location>;
