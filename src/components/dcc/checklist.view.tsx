/**
 * dcc.Checklist view (spec/components.md §3.7): checkboxes; ticking or unticking writes the new
 * list of checked values (in the order they were checked, as in Dash).
 */
import { useMemo } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import { loadingAttributes } from '../../renderer/component-api.js';
import type { ChecklistProps } from './checklist.js';
import { OptionList } from './option-list.view.js';
import type { OptionValue } from './options.js';
import { normalizeOptions } from './options.js';
import { domId } from './view-utils.browser.js';

export default function ChecklistView(props: ViewProps<ChecklistProps>) {
  const { options, setProps } = props;
  const value = useMemo(() => props.value ?? [], [props.value]);
  const normalized = useMemo(() => normalizeOptions(options), [options]);
  const toggle = (picked: OptionValue) => {
    const next = value.includes(picked) ? value.filter((v) => v !== picked) : [...value, picked];
    setProps({ value: next });
  };
  return (
    <OptionList
      id={domId(props.id)}
      className={`dash-checklist ${props.className ?? ''}`.trim()}
      style={props.style}
      inputType="checkbox"
      options={normalized}
      isSelected={(v) => value.includes(v)}
      onPick={(option) => toggle(option.value)}
      inline={props.inline === true}
      inlineClassName="dash-checklist-inline"
      inputStyle={props.inputStyle}
      inputClassName={props.inputClassName}
      labelStyle={props.labelStyle}
      labelClassName={props.labelClassName}
      rootAttributes={loadingAttributes(props.loading_state)}
    />
  );
}
