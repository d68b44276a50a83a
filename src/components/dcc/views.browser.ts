/**
 * Browser registry of the dcc views: type → lazy loader of its view module (each its own chunk).
 * Keep one entry per line: several helpers add theirs.
 */
import type { ComponentType } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds views of any props
type Loader = () => Promise<{ default: ComponentType<any> }>;

export const dccViews: Record<string, Loader> = {
  Button: () => import('./button.view.js'),
  Checklist: () => import('./checklist.view.js'),
  Clipboard: () => import('./clipboard.view.js'),
  ConfirmDialog: () => import('./confirm-dialog.view.js'),
  ConfirmDialogProvider: () => import('./confirm-dialog-provider.view.js'),
  DatePickerRange: () => import('./date-picker-range.view.js'),
  DatePickerSingle: () => import('./date-picker-single.view.js'),
  Dropdown: () => import('./dropdown.view.js'),
  Geolocation: () => import('./geolocation.view.js'),
  Graph: () => import('./graph.view.js'),
  Input: () => import('./input.view.js'),
  Interval: () => import('./interval.view.js'),
  Link: () => import('./link.view.js'),
  Loading: () => import('./loading.view.js'),
  Location: () => import('./location.view.js'),
  Markdown: () => import('./markdown.view.js'),
  RadioItems: () => import('./radio-items.view.js'),
  RangeSlider: () => import('./range-slider.view.js'),
  Slider: () => import('./slider.view.js'),
  Store: () => import('./store.view.js'),
  Tab: () => import('./tab.view.js'),
  Tabs: () => import('./tabs.view.js'),
  Textarea: () => import('./textarea.view.js'),
  Tooltip: () => import('./tooltip.view.js'),
  Upload: () => import('./upload.view.js'),
  Download: () => import('./download.view.js'),
};
