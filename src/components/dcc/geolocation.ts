/**
 * dcc.Geolocation: the device position from the browser's Geolocation API. Renders nothing.
 * Props: spec/components.md §3.26.
 */
import { z } from 'zod';
import { defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { baseProps } from './common.js';

const nullableNumber = z.number().nullable().optional();

export const Geolocation = defineComponent({
  namespace: 'dash_core_components',
  type: 'Geolocation',
  description: "The device's position from the browser Geolocation API; renders nothing.",
  props: {
    id: baseProps.id,
    local_date: z.string().optional().describe('Local date and time of the last position (toLocaleString).'),
    timestamp: z.number().optional().describe('Time of the last position (ms since epoch).'),
    position: z
      .object({
        lat: nullableNumber,
        lon: nullableNumber,
        accuracy: nullableNumber,
        alt: nullableNumber,
        alt_accuracy: nullableNumber,
        heading: nullableNumber,
        speed: nullableNumber,
      })
      .nullable()
      .optional()
      .describe('{lat, lon, accuracy, alt, alt_accuracy, heading, speed}; parts the device does not know are null.'),
    position_error: z
      .object({ code: z.number().optional(), message: z.string().optional() })
      .nullable()
      .optional()
      .describe('{code, message} of the last failure (code 999: the browser has no Geolocation API).'),
    show_alert: z.boolean().optional().describe('Also show errors with window.alert. Default false.'),
    update_now: z
      .boolean()
      .optional()
      .describe('Set true to request a fresh position; the component resets it to false. Default false.'),
    high_accuracy: z.boolean().optional().describe("Ask for the device's most precise position. Default false."),
    maximum_age: z.number().optional().describe('Accept a cached position at most this many ms old. Default 0.'),
    timeout: z.number().optional().describe('Give up after this many ms. Default: wait forever.'),
  },
});

/** The props of dcc.Geolocation. */
export type GeolocationProps = PropsOf<typeof Geolocation>;
