/**
 * dcc.Interval view (spec/components.md §3.15): renders nothing; every `interval` ms it writes
 * `n_intervals + 1`. Stops while `disabled`, once `max_intervals` ticks are reached, and never
 * starts when `max_intervals` is 0. Changing `interval` restarts the timer.
 */
import { useEffect, useRef } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import type { IntervalProps } from './interval.js';

export default function IntervalView(props: ViewProps<IntervalProps>) {
  const { interval = 1000, disabled = false, n_intervals = 0, max_intervals = -1, setProps } = props;
  // The tick reads the latest count and setProps without restarting the timer on every tick.
  const latest = useRef({ count: n_intervals, setProps, max: max_intervals });
  latest.current = { count: n_intervals, setProps, max: max_intervals };
  const running = !(max_intervals === 0 || disabled || (max_intervals !== -1 && n_intervals >= max_intervals));

  useEffect(() => {
    if (!running) return undefined;
    const timer = window.setInterval(() => {
      const current = latest.current;
      if (current.max !== -1 && current.count >= current.max) return;
      current.count += 1;
      current.setProps({ n_intervals: current.count });
    }, interval);
    return () => window.clearInterval(timer);
  }, [running, interval]);

  return null;
}
