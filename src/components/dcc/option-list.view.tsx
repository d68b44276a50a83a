/**
 * The option list shared by the Checklist and RadioItems views (Dash 4's `OptionsList`): a
 * `dash-options-list` container of `<label>`s, each wrapping an input and the option's text.
 * Not a registered view itself.
 */
import { isValidElement } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import type { DetailedOption, OptionValue } from './options.js';
import { classNames } from './view-utils.browser.js';
import './styles/dcc.css';
import './styles/options.css';

export interface OptionListProps {
  readonly id: string | undefined;
  /** Class of the component (`dash-checklist`, `dash-radio-items`) plus the user's className. */
  readonly className: string;
  readonly style: CSSProperties | undefined;
  readonly inputType: 'checkbox' | 'radio';
  readonly options: readonly DetailedOption[];
  readonly isSelected: (value: OptionValue) => boolean;
  readonly onPick: (option: DetailedOption) => void;
  readonly inline: boolean;
  readonly inlineClassName: string;
  readonly inputStyle: CSSProperties | undefined;
  readonly inputClassName: string | undefined;
  readonly labelStyle: CSSProperties | undefined;
  readonly labelClassName: string | undefined;
  readonly rootAttributes: Record<string, string>;
}

/**
 * What a label shows: its text, or the component the renderer made of it (the definitions declare
 * `options[].label` as a component-valued prop, so component labels arrive as React elements).
 */
function labelContent(option: DetailedOption): ReactNode {
  const { label, value } = option;
  if (typeof label === 'string' || typeof label === 'number' || typeof label === 'boolean') return String(label);
  if (isValidElement(label)) return label;
  return String(value);
}

export function OptionList(props: OptionListProps) {
  return (
    <div
      id={props.id}
      className={classNames('dash-options-list', props.className)}
      style={props.style}
      role={props.inputType === 'radio' ? 'radiogroup' : 'group'}
      {...props.rootAttributes}
    >
      {props.options.map((option, index) => {
        const selected = props.isSelected(option.value);
        return (
          <label
            key={`${typeof option.value}:${String(option.value)}:${index}`}
            className={classNames(
              'dash-options-list-option',
              selected && 'selected',
              props.inline && props.inlineClassName,
              props.labelClassName,
            )}
            style={props.labelStyle}
            data-option-index={index}
            title={option.title}
          >
            <span className="dash-options-list-option-wrapper">
              <input
                type={props.inputType}
                checked={selected}
                name={props.id}
                value={String(option.value)}
                disabled={option.disabled === true}
                onChange={() => props.onPick(option)}
                className={classNames('dash-options-list-option-checkbox', props.inputClassName)}
                style={props.inputStyle}
              />
            </span>
            <span className="dash-options-list-option-text">{labelContent(option)}</span>
          </label>
        );
      })}
    </div>
  );
}
