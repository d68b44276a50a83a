/**
 * The dcc components (`dash_core_components`): one typed factory per component.
 * Keep one export per line: several helpers add theirs.
 */
export { Button } from './button.js';
export { Checklist } from './checklist.js';
export { Dropdown } from './dropdown.js';
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
