/**
 * dcc.RadioItems view (spec/components.md §3.8): radio buttons; picking one writes its value.
 */
import { useMemo } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import { loadingAttributes } from '../../renderer/component-api.js';
import { OptionList } from './option-list.view.js';
import { normalizeOptions } from './options.js';
import type { RadioItemsProps } from './radio-items.js';
import { domId } from './view-utils.browser.js';

export default function RadioItemsView(props: ViewProps<RadioItemsProps>) {
  const { options, setProps, value } = props;
  const normalized = useMemo(() => normalizeOptions(options), [options]);
  return (
    <OptionList
      id={domId(props.id)}
      className={`dash-radio-items ${props.className ?? ''}`.trim()}
      style={props.style}
      inputType="radio"
      options={normalized}
      isSelected={(v) => v === value}
      onPick={(option) => setProps({ value: option.value })}
      inline={props.inline === true}
      inlineClassName="dash-radio-items-inline"
      inputStyle={props.inputStyle}
      inputClassName={props.inputClassName}
      labelStyle={props.labelStyle}
      labelClassName={props.labelClassName}
      rootAttributes={loadingAttributes(props.loading_state)}
    />
  );
}
