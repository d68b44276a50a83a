/**
 * Browser registry of the html views: every one of the 125 types loads the same module
 * (html.view.tsx, one chunk) and takes the view for its tag from it.
 */
import type { ComponentType } from 'react';
import type { HtmlComponentName } from './tags.generated.js';
import { htmlTags } from './tags.generated.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds views of any props
type Loader = () => Promise<{ default: ComponentType<any> }>;

function loader(type: HtmlComponentName): Loader {
  return () => import('./html.view.js').then((module) => ({ default: module.htmlView(type) }));
}

export const htmlViews: Record<string, Loader> = Object.fromEntries(
  (Object.keys(htmlTags) as HtmlComponentName[]).map((type) => [type, loader(type)]),
);
