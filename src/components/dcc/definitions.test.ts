import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ComponentMeta } from '../define.js';
import { Button } from './button.js';
import { Checklist } from './checklist.js';
import { Clipboard } from './clipboard.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { ConfirmDialogProvider } from './confirm-dialog-provider.js';
import { DatePickerRange } from './date-picker-range.js';
import { DatePickerSingle } from './date-picker-single.js';
import { Dropdown } from './dropdown.js';
import { Geolocation } from './geolocation.js';
import { Input } from './input.js';
import { Interval } from './interval.js';
import { Link } from './link.js';
import { Loading } from './loading.js';
import { Location } from './location.js';
import { Markdown } from './markdown.js';
import { RadioItems } from './radio-items.js';
import { Store } from './store.js';
import { Tab } from './tab.js';
import { Tabs } from './tabs.js';
import { Textarea } from './textarea.js';
import { Tooltip } from './tooltip.js';
import { Upload } from './upload.js';
import { Download } from './download.js';

const persistence = ['persistence', 'persisted_props', 'persistence_type'];

/** The props ConfirmDialog and ConfirmDialogProvider share (spec §3.22, §3.23). */
const confirmDialogProps = [
  'id',
  'message',
  'submit_n_clicks',
  'submit_n_clicks_timestamp',
  'cancel_n_clicks',
  'cancel_n_clicks_timestamp',
];

/** Every prop of the spec tables (spec/components.md §3.5-3.21), without setProps/componentPath. */
const specProps: [ComponentMeta, string[]][] = [
  [
    Input.meta,
    [
      'id',
      'value',
      'type',
      'debounce',
      'placeholder',
      'n_submit',
      'n_submit_timestamp',
      'inputMode',
      'autoComplete',
      'readOnly',
      'required',
      'autoFocus',
      'disabled',
      'list',
      'multiple',
      'spellCheck',
      'name',
      'min',
      'max',
      'step',
      'minLength',
      'maxLength',
      'pattern',
      'selectionStart',
      'selectionEnd',
      'selectionDirection',
      'n_blur',
      'n_blur_timestamp',
      'size',
      'className',
      'style',
      ...persistence,
    ],
  ],
  [
    Textarea.meta,
    [
      'id',
      'value',
      'autoFocus',
      'cols',
      'disabled',
      'form',
      'maxLength',
      'minLength',
      'name',
      'placeholder',
      'readOnly',
      'required',
      'rows',
      'wrap',
      'accessKey',
      'contentEditable',
      'contextMenu',
      'dir',
      'draggable',
      'hidden',
      'lang',
      'spellCheck',
      'tabIndex',
      'title',
      'n_blur',
      'n_blur_timestamp',
      'n_clicks',
      'n_clicks_timestamp',
      'className',
      'style',
      ...persistence,
    ],
  ],
  [
    Checklist.meta,
    [
      'id',
      'options',
      'value',
      'inline',
      'inputStyle',
      'inputClassName',
      'labelStyle',
      'labelClassName',
      'className',
      'style',
      ...persistence,
    ],
  ],
  [
    RadioItems.meta,
    [
      'id',
      'options',
      'value',
      'inline',
      'inputStyle',
      'inputClassName',
      'labelStyle',
      'labelClassName',
      'className',
      'style',
      ...persistence,
    ],
  ],
  [
    Button.meta,
    [
      'id',
      'children',
      'type',
      'autoFocus',
      'disabled',
      'form',
      'formAction',
      'formEncType',
      'formMethod',
      'formNoValidate',
      'formTarget',
      'name',
      'value',
      'accessKey',
      'contentEditable',
      'dir',
      'draggable',
      'hidden',
      'lang',
      'role',
      'spellCheck',
      'tabIndex',
      'title',
      'n_blur',
      'n_blur_timestamp',
      'n_clicks',
      'n_clicks_timestamp',
      'className',
      'style',
      ...persistence,
    ],
  ],
  [Store.meta, ['id', 'storage_type', 'data', 'clear_data', 'modified_timestamp']],
  [
    Upload.meta,
    [
      'id',
      'contents',
      'filename',
      'last_modified',
      'children',
      'accept',
      'disabled',
      'disable_click',
      'max_size',
      'min_size',
      'multiple',
      'enable_folder_selection',
      'className_active',
      'className_reject',
      'className_disabled',
      'style_active',
      'style_reject',
      'style_disabled',
      'className',
      'style',
    ],
  ],
  [Download.meta, ['id', 'data', 'base64', 'type']],
  [Interval.meta, ['id', 'interval', 'disabled', 'n_intervals', 'max_intervals']],
  [Location.meta, ['id', 'pathname', 'search', 'hash', 'href', 'refresh']],
  [Link.meta, ['id', 'children', 'href', 'target', 'refresh', 'title', 'className', 'style', 'loading_state']],
  [
    Tabs.meta,
    [
      'id',
      'value',
      'content_className',
      'parent_className',
      'parent_style',
      'content_style',
      'vertical',
      'mobile_breakpoint',
      'children',
      'colors',
      'className',
      'style',
      ...persistence,
    ],
  ],
  [
    Tab.meta,
    [
      'id',
      'label',
      'children',
      'value',
      'disabled',
      'disabled_style',
      'disabled_className',
      'selected_className',
      'selected_style',
      'width',
      'className',
      'style',
      ...persistence,
    ],
  ],
  [
    Loading.meta,
    [
      'id',
      'children',
      'type',
      'fullscreen',
      'debug',
      'parent_className',
      'parent_style',
      'overlay_style',
      'color',
      'display',
      'delay_hide',
      'delay_show',
      'show_initially',
      'target_components',
      'custom_spinner',
      'className',
      'style',
      ...persistence,
    ],
  ],
  [
    Markdown.meta,
    [
      'id',
      'mathjax',
      'dangerously_allow_html',
      'link_target',
      'children',
      'dedent',
      'highlight_config',
      'className',
      'style',
    ],
  ],
  [
    DatePickerSingle.meta,
    [
      'id',
      'date',
      'min_date_allowed',
      'max_date_allowed',
      'disabled_days',
      'placeholder',
      'initial_visible_month',
      'clearable',
      'reopen_calendar_on_clear',
      'display_format',
      'month_format',
      'first_day_of_week',
      'show_outside_days',
      'stay_open_on_select',
      'calendar_orientation',
      'number_of_months_shown',
      'with_portal',
      'with_full_screen_portal',
      'day_size',
      'is_RTL',
      'disabled',
      'className',
      'style',
      ...persistence,
    ],
  ],
  [
    DatePickerRange.meta,
    [
      'id',
      'start_date',
      'end_date',
      'minimum_nights',
      'updatemode',
      'start_date_placeholder_text',
      'end_date_placeholder_text',
      'start_date_id',
      'end_date_id',
      'min_date_allowed',
      'max_date_allowed',
      'disabled_days',
      'placeholder',
      'initial_visible_month',
      'clearable',
      'reopen_calendar_on_clear',
      'display_format',
      'month_format',
      'first_day_of_week',
      'show_outside_days',
      'stay_open_on_select',
      'calendar_orientation',
      'number_of_months_shown',
      'with_portal',
      'with_full_screen_portal',
      'day_size',
      'is_RTL',
      'disabled',
      'className',
      'style',
      ...persistence,
    ],
  ],
  [ConfirmDialog.meta, [...confirmDialogProps, 'displayed']],
  [ConfirmDialogProvider.meta, [...confirmDialogProps, 'displayed', 'children']],
  [
    Clipboard.meta,
    [
      'id',
      'children',
      'copied_children',
      'target_id',
      'content',
      'n_clicks',
      'html_content',
      'title',
      'className',
      'style',
    ],
  ],
  [
    Tooltip.meta,
    [
      'id',
      'children',
      'bbox',
      'show',
      'direction',
      'border_color',
      'background_color',
      'loading_text',
      'zindex',
      'targetable',
      'className',
      'style',
    ],
  ],
  [
    Geolocation.meta,
    [
      'id',
      'local_date',
      'timestamp',
      'position',
      'position_error',
      'show_alert',
      'update_now',
      'high_accuracy',
      'maximum_age',
      'timeout',
    ],
  ],
];

test('every component declares every prop of its spec table, in dash_core_components', () => {
  for (const [meta, props] of specProps) {
    assert.equal(meta.namespace, 'dash_core_components');
    const missing = props.filter((p) => !meta.propNames.includes(p));
    assert.deepEqual(missing, [], `${meta.type} is missing props`);
  }
});

test('component-valued props are declared for the renderer', () => {
  assert.deepEqual(Tab.meta.childrenProps, ['label']);
  assert.deepEqual(Loading.meta.childrenProps, ['custom_spinner']);
  for (const meta of [Checklist.meta, RadioItems.meta, Dropdown.meta]) {
    assert.deepEqual(meta.childrenProps, ['options[].label'], meta.type);
  }
});

test('factories produce the wire JSON', () => {
  assert.deepEqual(Input({ id: 'n', type: 'number', value: 3 }), {
    type: 'Input',
    namespace: 'dash_core_components',
    props: { id: 'n', type: 'number', value: 3 },
  });
  assert.deepEqual(Button('Go', { id: 'go' }).props, { id: 'go', children: 'Go' });
  assert.deepEqual(Link('Home', { href: '/' }).props, { children: 'Home', href: '/' });
  assert.deepEqual(Markdown('# Title').props, { children: '# Title' });
  const tab = Tab('content', { label: 'One', value: 'one' });
  assert.deepEqual(Tabs([tab], { id: 't', value: 'one' }).props, { id: 't', value: 'one', children: [tab] });
  assert.throws(() => Store('data' as never), TypeError, 'Store has no children');
});

function accepts(meta: ComponentMeta, props: Record<string, unknown>): boolean {
  return meta.schema.safeParse(props).success;
}

test('Input schema', () => {
  assert.ok(accepts(Input.meta, { value: 'x', debounce: 0.5, readOnly: 'READONLY', step: 'any', min: 0, max: '9' }));
  assert.ok(accepts(Input.meta, { value: null, type: 'number', spellCheck: 'false', n_submit: 2 }));
  assert.ok(!accepts(Input.meta, { type: 'checkbox' }), 'no checkbox inputs');
  assert.ok(!accepts(Input.meta, { readOnly: 'yes' }));
  assert.ok(!accepts(Input.meta, { n_blur: 1.5 }));
  assert.ok(!accepts(Input.meta, { valeu: 'x' }), 'unknown prop');
  assert.ok(!accepts(Input.meta, { 'data-x': 'y' }), 'dcc components take no wildcard attributes');
});

test('Textarea, Button schemas', () => {
  assert.ok(accepts(Textarea.meta, { value: 'a\nb', rows: 3, disabled: 'DISABLED', n_clicks: 1 }));
  assert.ok(!accepts(Textarea.meta, { rows: '3' }));
  assert.ok(accepts(Button.meta, { type: 'submit', value: ['a'], contentEditable: 'inherit', n_blur: 0 }));
  assert.ok(!accepts(Button.meta, { type: 'image' }));
});

test('Checklist and RadioItems accept the three options forms', () => {
  for (const meta of [Checklist.meta, RadioItems.meta]) {
    assert.ok(accepts(meta, { options: ['a', 1, true] }));
    assert.ok(accepts(meta, { options: [{ label: 'A', value: 'a', disabled: true, title: 't' }] }));
    assert.ok(accepts(meta, { options: { a: 'A', b: 'B' } }));
    assert.ok(!accepts(meta, { options: [{ label: 'A' }] }), 'an option object needs a value');
    assert.ok(!accepts(meta, { options: [{ label: 'A', value: { x: 1 } }] }));
    assert.ok(!accepts(meta, { options: 'a,b' }));
  }
  assert.ok(accepts(Checklist.meta, { value: ['a', 1, false] }));
  assert.ok(!accepts(Checklist.meta, { value: 'a' }), 'Checklist value is a list');
  assert.ok(accepts(RadioItems.meta, { value: 'a' }));
  assert.ok(!accepts(RadioItems.meta, { value: ['a'] }), 'RadioItems value is single');
});

test('Store, Interval, Location, Link schemas', () => {
  assert.ok(accepts(Store.meta, { id: 's', storage_type: 'local', data: { a: [1, 'x', null] }, clear_data: false }));
  assert.ok(accepts(Store.meta, { id: 's', data: null }));
  assert.ok(!accepts(Store.meta, { storage_type: 'local' }), 'Store id is required');
  assert.ok(!accepts(Store.meta, { id: 's', storage_type: 'cookie' }));
  assert.ok(accepts(Interval.meta, { interval: 500, n_intervals: 0, max_intervals: -1, disabled: true }));
  assert.ok(!accepts(Interval.meta, { n_intervals: 0.5 }));
  assert.ok(accepts(Location.meta, { id: 'url', refresh: 'callback-nav', pathname: '/a' }));
  assert.ok(!accepts(Location.meta, { id: 'url', refresh: 'yes' }));
  assert.ok(!accepts(Location.meta, { pathname: '/a' }), 'Location id is required');
  assert.ok(accepts(Link.meta, { href: '/a', refresh: true, target: '_blank' }));
  assert.ok(!accepts(Link.meta, { children: 'x' }), 'Link href is required');
});

test('Tabs, Tab, Loading, Markdown schemas', () => {
  assert.ok(accepts(Tabs.meta, { value: 'a', vertical: true, colors: { border: '#ddd' }, mobile_breakpoint: 0 }));
  assert.ok(!accepts(Tabs.meta, { colors: { border: 1 } }));
  assert.ok(accepts(Tab.meta, { label: 'A', value: 'a', width: 120, disabled_style: { color: 'grey' } }));
  assert.ok(accepts(Tab.meta, { label: { type: 'Span', namespace: 'dash_html_components', props: {} } }));
  assert.ok(
    accepts(Loading.meta, { type: 'cube', delay_show: 100, target_components: { graph: 'figure', t: ['a', 'b'] } }),
  );
  assert.ok(!accepts(Loading.meta, { type: 'bars' }));
  assert.ok(!accepts(Loading.meta, { display: 'sometimes' }));
  assert.ok(accepts(Markdown.meta, { children: ['# a', 'b'], dedent: false, highlight_config: { theme: 'dark' } }));
  assert.ok(!accepts(Markdown.meta, { highlight_config: { theme: 'blue' } }));
  assert.ok(!accepts(Markdown.meta, { children: 3 }));
});

test('ConfirmDialog, Clipboard, Tooltip, Geolocation schemas', () => {
  assert.deepEqual(Clipboard.meta.childrenProps, ['copied_children']);
  assert.ok(accepts(ConfirmDialog.meta, { id: 'c', message: 'Sure?', displayed: true, submit_n_clicks: 2 }));
  assert.ok(!accepts(ConfirmDialog.meta, { id: 'c', displayed: 'yes' }));
  assert.ok(accepts(Clipboard.meta, { id: 'c', target_id: { type: 'src', index: 1 }, content: null }));
  assert.ok(!accepts(Clipboard.meta, { id: 'c', target_id: 3 }));
  assert.ok(accepts(Tooltip.meta, { id: 't', bbox: { x0: 1, y0: 2, x1: 3, y1: 4 }, direction: 'top', zindex: 3 }));
  assert.ok(!accepts(Tooltip.meta, { id: 't', bbox: { x0: 1, y0: 2 } }), 'bbox needs all four corners');
  assert.ok(!accepts(Tooltip.meta, { id: 't', direction: 'middle' }));
  assert.ok(
    accepts(Geolocation.meta, {
      id: 'g',
      position: { lat: 1, lon: 2, accuracy: 3, alt: null, alt_accuracy: null, heading: null, speed: null },
      position_error: { code: 999, message: 'no API' },
      timeout: 5000,
    }),
  );
  assert.ok(!accepts(Geolocation.meta, { id: 'g', maximum_age: 'old' }));
});
