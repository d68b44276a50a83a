/**
 * dcc.Slider view (spec/components.md §3.3): the RangeSlider engine with one handle; the engine's
 * lists become single numbers on the way out.
 */
import { useCallback, useMemo } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import type { SliderWrite } from './range-slider.view.js';
import { engineProps, SliderEngine } from './range-slider.view.js';
import type { SliderProps } from './slider.js';

export default function SliderView(props: ViewProps<SliderProps>) {
  const { setProps } = props;
  const value = props.value;
  // One stable list per value, so the engine sees a new value only when the number changes.
  const asList = useMemo(() => (value === null || value === undefined ? undefined : [value]), [value]);
  const write = useCallback(
    (changes: SliderWrite) => {
      const out: Partial<SliderProps> = {};
      if (changes.value !== undefined) out.value = changes.value[0] ?? null;
      if (changes.drag_value !== undefined) out.drag_value = changes.drag_value[0] ?? null;
      setProps(out);
    },
    [setProps],
  );
  return <SliderEngine {...engineProps(props, asList, write)} />;
}
