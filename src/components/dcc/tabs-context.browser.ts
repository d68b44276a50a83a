/**
 * What dcc.Tabs tells each of its dcc.Tab children (React context): the tab's effective value,
 * whether it is selected, how to select it, the layout, and where the selected tab renders its
 * content. A Tab outside Tabs gets no context and simply renders its children.
 */
import { createContext } from 'react';

export interface TabContext {
  /** The tab's value: its `value` prop, or `tab-N` by position. */
  readonly value: string;
  readonly selected: boolean;
  readonly select: (value: string) => void;
  readonly vertical: boolean;
  /** The Tabs' content area; the selected Tab renders its children there (a portal). */
  readonly contentElement: HTMLElement | null;
}

export const TabsContext = createContext<TabContext | undefined>(undefined);
