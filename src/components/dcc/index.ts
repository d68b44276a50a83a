/**
 * The dcc components (`dash_core_components`): one typed factory per component.
 * Keep one export per line: several helpers add theirs.
 */
export { Button } from './button.js';
export { Checklist } from './checklist.js';
export { Clipboard } from './clipboard.js';
export { ConfirmDialog } from './confirm-dialog.js';
export { ConfirmDialogProvider } from './confirm-dialog-provider.js';
export { DatePickerRange } from './date-picker-range.js';
export { DatePickerSingle } from './date-picker-single.js';
export { Dropdown } from './dropdown.js';
export { Geolocation } from './geolocation.js';
export { Graph } from './graph.js';
export { Input } from './input.js';
export { Interval } from './interval.js';
export { Link } from './link.js';
export { Loading } from './loading.js';
export { Location } from './location.js';
export { Markdown } from './markdown.js';
export { RadioItems } from './radio-items.js';
export { RangeSlider } from './range-slider.js';
export { Slider } from './slider.js';
export { Store } from './store.js';
export { Tab } from './tab.js';
export { Tabs } from './tabs.js';
export { Textarea } from './textarea.js';
export { Tooltip } from './tooltip.js';
export { Upload } from './upload.js';
export { Download } from './download.js';
