/**
 * dcc.Dropdown view (spec/components.md §3.2): an editable combobox (Downshift's useCombobox, so
 * ARIA roles, active descendant, keyboard and outside-click handling come from a maintained
 * library) with a listbox below it. Single or multi (tags), search that writes `search_value`,
 * clear, select/deselect all, pruning of values that left `options`, and `debounce`.
 * No style injection: all styling is in styles/dropdown.css, sizes come through React `style`.
 */
import type { UseComboboxState, UseComboboxStateChangeOptions } from 'downshift';
import { useCombobox } from 'downshift';
import type { ReactNode } from 'react';
import { isValidElement, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import { loadingAttributes } from '../../renderer/component-api.js';
import type { DropdownProps } from './dropdown.js';
import {
  deselectAll,
  filterOptions,
  labelText,
  prunedValue,
  selectAll,
  selectedCountText,
  selectedFirst,
  toggleValue,
  valueList,
} from './dropdown-search.js';
import type { DetailedOption, OptionValue } from './options.js';
import { normalizeOptions } from './options.js';
import { classNames, domId } from './view-utils.browser.js';
import './styles/dropdown.css';

const types = useCombobox.stateChangeTypes;

/** Dash's English UI strings, used for any `labels` key not given. */
const defaultLabels = {
  select_all: 'Select All',
  deselect_all: 'Deselect All',
  selected_count: '{num_selected} selected',
  search: 'Search',
  clear_search: 'Clear search',
  clear_selection: 'Clear selection',
  no_options_found: 'No options found',
};

/**
 * What an option shows. Labels that are components would need the renderer to render component
 * JSON outside the children tree, which the view API does not offer; they show the value, as in
 * the Checklist and RadioItems views.
 */
function optionLabel(option: DetailedOption): ReactNode {
  const text = labelText(option.label);
  if (text !== undefined) return text;
  if (isValidElement(option.label)) return option.label;
  return String(option.value);
}

/** A stable key for an option value (1 and '1' are different values). */
function valueKey(value: OptionValue | null | undefined): string {
  return value === null || value === undefined ? '' : `${typeof value}:${String(value)}`;
}

function itemToString(option: DetailedOption | null): string {
  if (!option) return '';
  return labelText(option.label) ?? String(option.value);
}

function itemToKey(option: DetailedOption | null): string {
  return valueKey(option?.value);
}

export default function DropdownView(props: ViewProps<DropdownProps>) {
  const { setProps, disabled = false, multi = false, clearable = true, searchable = true } = props;
  const closeOnSelect = props.closeOnSelect ?? !multi;
  const labels = { ...defaultLabels, ...props.labels };
  const options = useMemo(() => normalizeOptions(props.options), [props.options]);

  // Values as a list; with `debounce`, picks stay local (pending) until the menu closes.
  const committed = useMemo(() => valueList(props.value), [props.value]);
  const [pending, setPending] = useState<OptionValue[] | null>(null);
  const values = pending ?? committed;
  const pendingRef = useRef(pending);
  pendingRef.current = pending;
  const latestValues = useRef(values);
  latestValues.current = values;

  const writeValues = useCallback(
    (next: OptionValue[]) => {
      if (props.debounce) {
        setPending(next);
        return;
      }
      setProps({ value: multi ? next : (next[next.length - 1] ?? null) });
    },
    [props.debounce, multi, setProps],
  );

  // Values no longer offered are dropped when the options change (not while a search is typed,
  // since server-side search replaces the options with the matches).
  const searchValue = props.search_value ?? '';
  const optionsGiven = props.options !== undefined && props.options !== null;
  useEffect(() => {
    // Options not set yet (a callback will provide them): keep the value from the layout.
    if (searchValue !== '' || !optionsGiven) return;
    const pruned = prunedValue(props.value, options, multi);
    if (pruned) setProps(pruned);
    // Only a change of options (or mount) prunes, as in Dash: value and search are read, not watched.
  }, [options, multi]);

  // The search box text belongs to Downshift (so typing is never held back by a round trip);
  // `query` mirrors it for filtering and is written to `search_value`.
  const [query, setQuery] = useState(searchValue);
  const lastWrittenQuery = useRef(searchValue);

  // Multi lists show the selected options first, as selected when the menu opened.
  const [openSelection, setOpenSelection] = useState<OptionValue[]>([]);
  const shown = useMemo(() => {
    const matching = filterOptions(options, searchable ? query : '', props.search_order ?? 'index');
    return multi ? selectedFirst(matching, openSelection) : matching;
  }, [options, searchable, query, props.search_order, multi, openSelection]);

  const selectedSet = useMemo(() => new Set(values.map(valueKey)), [values]);
  const selectedOptions = useMemo(
    () => values.map((v) => options.find((o) => o.value === v)).filter((o): o is DetailedOption => o !== undefined),
    [values, options],
  );

  // Buttons inside the menu (select all...) are outside Downshift's elements: a press there must not close it.
  const pressInMenu = useRef(false);

  const stateReducer = useCallback(
    (state: UseComboboxState<DetailedOption>, { type, changes }: UseComboboxStateChangeOptions<DetailedOption>) => {
      switch (type) {
        case types.ItemClick:
        case types.InputKeyDownEnter:
          // The pick itself is written by the click / Enter handlers (`pick`); Downshift's own
          // selectedItem stays as the props say, so it never reports a pick a second time.
          return {
            ...changes,
            selectedItem: state.selectedItem,
            isOpen: !closeOnSelect,
            highlightedIndex: closeOnSelect ? -1 : state.highlightedIndex,
            inputValue: closeOnSelect ? '' : state.inputValue,
          };
        case types.InputBlur:
          if (pressInMenu.current) return { ...state };
          // Leaving the field never picks the highlighted option (Downshift would on Tab).
          return { ...changes, selectedItem: state.selectedItem, inputValue: '' };
        case types.InputKeyDownEscape:
          // Escape closes; it never clears the selection.
          return { ...changes, selectedItem: state.selectedItem, inputValue: '' };
        case types.ControlledPropUpdatedSelectedItem:
          // The box holds the search text, not the selected label.
          return { ...changes, inputValue: state.inputValue };
        default:
          // Closing the menu clears the search (Dash resets search_value on close).
          return state.isOpen && changes.isOpen === false ? { ...changes, inputValue: '' } : changes;
      }
    },
    [closeOnSelect],
  );

  // Downshift reports changes from an effect; the renderer re-renders synchronously on setProps,
  // which would re-enter that effect before it finished. Writing in a microtask, after it, avoids that.
  const afterDownshift = (write: () => void) => queueMicrotask(write);

  const combobox = useCombobox<DetailedOption>({
    items: shown,
    itemToString,
    itemToKey,
    isItemDisabled: (option) => option.disabled === true,
    // The first match is highlighted while typing, so Enter picks it.
    defaultHighlightedIndex: 0,
    selectedItem: multi ? null : (selectedOptions[0] ?? null),
    initialInputValue: searchable ? searchValue : '',
    stateReducer,
    onInputValueChange: ({ inputValue }) =>
      afterDownshift(() => {
        const text = searchable ? inputValue : '';
        setQuery(text);
        if (text === lastWrittenQuery.current) return;
        lastWrittenQuery.current = text;
        setProps({ search_value: text === '' ? undefined : text });
      }),
    onIsOpenChange: ({ isOpen }) =>
      afterDownshift(() => {
        if (isOpen) {
          setOpenSelection(latestValues.current);
          return;
        }
        if (pendingRef.current !== null) {
          const picked = pendingRef.current;
          setProps({ value: multi ? picked : (picked[picked.length - 1] ?? null) });
          setPending(null);
        }
      }),
  });

  // A callback set search_value: show it in the box (Downshift then reports it back through onInputValueChange).
  const { setInputValue } = combobox;
  useEffect(() => {
    if (!searchable || searchValue === lastWrittenQuery.current) return;
    lastWrittenQuery.current = searchValue;
    setInputValue(searchValue);
  }, [searchValue, searchable, setInputValue]);

  const { isOpen, highlightedIndex, getInputProps, getMenuProps, getItemProps, getToggleButtonProps } = combobox;

  /** The user picked an option (click or Enter): toggle it (multi) or select it (single). */
  const pick = (option: DetailedOption | undefined) => {
    if (!option || option.disabled) return;
    writeValues(multi ? toggleValue(latestValues.current, option.value) : [option.value]);
  };

  const canClear = clearable && !disabled && values.length > 0;
  const clear = () => writeValues([]);
  const removeValue = (value: OptionValue) => {
    const next = values.filter((v) => v !== value);
    if (next.length === 0 && !clearable) return;
    writeValues(next);
  };
  const enabledShown = shown.filter((o) => !o.disabled);
  const canSelectAll = enabledShown.some((o) => !selectedSet.has(valueKey(o.value)));
  const afterDeselect = deselectAll(values, shown);
  const canDeselectAll = afterDeselect.length !== values.length && (clearable || afterDeselect.length > 0);

  const rootId = domId(props.id);
  const placeholderShown = values.length === 0 && query === '';
  const countText = selectedCountText(labels.selected_count, values.length);

  return (
    <div
      id={rootId}
      className={classNames(
        'dash-dropdown',
        multi ? 'dash-dropdown-multi' : 'dash-dropdown-single',
        isOpen && 'is-open',
        disabled && 'is-disabled',
        props.className,
      )}
      style={props.style}
      {...loadingAttributes(props.loading_state)}
    >
      <div className="dash-dropdown-control">
        <div className="dash-dropdown-value" aria-label={multi && values.length > 1 ? countText : undefined}>
          {multi &&
            selectedOptions.map((option) => (
              <span key={valueKey(option.value)} className="dash-dropdown-value-item">
                <span className="dash-dropdown-value-label">{optionLabel(option)}</span>
                {!disabled && (clearable || values.length > 1) && (
                  <button
                    type="button"
                    className="dash-dropdown-value-remove"
                    aria-label={`Remove ${itemToString(option)}`}
                    onClick={() => removeValue(option.value)}
                  >
                    ×
                  </button>
                )}
              </span>
            ))}
          {!multi && selectedOptions[0] && query === '' && (
            <span className="dash-dropdown-value-item">{optionLabel(selectedOptions[0])}</span>
          )}
          {placeholderShown && <span className="dash-dropdown-placeholder">{props.placeholder}</span>}
          <input
            className={classNames('dash-dropdown-search', !searchable && 'is-readonly')}
            {...getInputProps({
              disabled,
              readOnly: !searchable,
              'aria-label': props.placeholder ?? labels.search,
              onKeyDown: (event) => {
                if (event.key === 'Enter' && isOpen && highlightedIndex >= 0) pick(shown[highlightedIndex]);
                if ((event.key === 'Backspace' || event.key === 'Delete') && query === '' && values.length > 0) {
                  const last = values[values.length - 1];
                  if (multi && last !== undefined) removeValue(last);
                  else if (canClear) clear();
                }
              },
            })}
          />
        </div>
        {canClear && (
          <button
            type="button"
            className="dash-dropdown-clear"
            aria-label={labels.clear_selection}
            title={labels.clear_selection}
            onClick={clear}
          >
            ×
          </button>
        )}
        <button
          type="button"
          className="dash-dropdown-trigger-icon"
          {...getToggleButtonProps({ disabled, tabIndex: -1, 'aria-label': labels.search })}
        >
          <span aria-hidden="true" className="dash-dropdown-caret" />
        </button>
      </div>
      <div
        className="dash-dropdown-content"
        hidden={!isOpen}
        onMouseDown={(event) => {
          // Keep focus in the search box and the menu open while pressing menu buttons.
          if (event.target instanceof HTMLElement && event.target.closest('button')) event.preventDefault();
          pressInMenu.current = true;
          window.setTimeout(() => {
            pressInMenu.current = false;
          }, 0);
        }}
      >
        {multi && isOpen && (canSelectAll || canDeselectAll) && (
          <div className="dash-dropdown-actions">
            {canSelectAll && (
              <button
                type="button"
                className="dash-dropdown-action-button"
                onClick={() => writeValues(selectAll(values, shown))}
              >
                {labels.select_all}
              </button>
            )}
            {canDeselectAll && (
              <button type="button" className="dash-dropdown-action-button" onClick={() => writeValues(afterDeselect)}>
                {labels.deselect_all}
              </button>
            )}
          </div>
        )}
        <ul
          className="dash-dropdown-options"
          {...getMenuProps({ 'aria-multiselectable': multi || undefined })}
          style={{ maxHeight: `${props.maxHeight ?? 200}px` }}
        >
          {isOpen &&
            shown.map((option, index) => {
              const selected = selectedSet.has(valueKey(option.value));
              return (
                <li
                  key={valueKey(option.value)}
                  className={classNames(
                    'dash-dropdown-option',
                    selected && 'is-selected',
                    highlightedIndex === index && 'is-highlighted',
                    option.disabled && 'is-disabled',
                  )}
                  title={option.title}
                  style={typeof props.optionHeight === 'number' ? { height: `${props.optionHeight}px` } : undefined}
                  {...getItemProps({
                    item: option,
                    index,
                    onClick: () => pick(option),
                    ...(multi ? { 'aria-selected': selected } : {}),
                  })}
                >
                  {multi && <span aria-hidden="true" className="dash-dropdown-option-check" />}
                  <span className="dash-dropdown-option-label">{optionLabel(option)}</span>
                </li>
              );
            })}
        </ul>
        {isOpen && shown.length === 0 && <div className="dash-dropdown-no-options">{labels.no_options_found}</div>}
      </div>
    </div>
  );
}
