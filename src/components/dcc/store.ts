/**
 * dcc.Store: JSON data kept in the browser (memory, localStorage or sessionStorage); renders
 * nothing. Props: spec/components.md §3.14. Data in Web Storage is clear text: no secrets.
 */
import { z } from 'zod';
import { defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { idSchema } from './common.js';

export const Store = defineComponent({
  namespace: 'dash_core_components',
  type: 'Store',
  description: 'Keeps JSON data in the browser: in memory, or in localStorage or sessionStorage.',
  props: {
    id: idSchema.describe('Required. Also the key under which local/session data is stored.'),
    storage_type: z
      .enum(['local', 'session', 'memory'])
      .optional()
      .describe('"memory" (default, lost on reload), "local" (localStorage) or "session" (sessionStorage).'),
    data: z
      .json()
      .optional()
      .describe('Any JSON value. On load a stored value (local/session) replaces the layout value.'),
    clear_data: z
      .boolean()
      .optional()
      .describe('Set to true to delete the stored data; the component sets it back to false and data to null.'),
    modified_timestamp: z
      .number()
      .optional()
      .describe('When the stored data last changed (ms since epoch). Default -1.'),
  },
});

/** The props of dcc.Store. */
export type StoreProps = PropsOf<typeof Store>;
