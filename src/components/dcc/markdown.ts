/**
 * dcc.Markdown: renders markdown text (CommonMark + tables and strikethrough). Raw HTML is shown
 * as text unless `dangerously_allow_html`, and then it is sanitized. Props: spec/components.md §3.21.
 */
import { z } from 'zod';
import { defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { baseProps } from './common.js';

export const Markdown = defineComponent({
  namespace: 'dash_core_components',
  type: 'Markdown',
  description: 'Renders markdown text as HTML (raw HTML is escaped unless explicitly allowed).',
  props: {
    id: baseProps.id,
    mathjax: z
      .boolean()
      .optional()
      .describe('Typeset $...$ and $$...$$ math (needs MathJax on the page). Default false.'),
    dangerously_allow_html: z
      .boolean()
      .optional()
      .describe('Render raw HTML found in the text (sanitized with DOMPurify) instead of escaping it. Default false.'),
    link_target: z.string().optional().describe('The target of rendered links, e.g. "_blank".'),
    children: z
      .union([z.string(), z.array(z.string())])
      .nullable()
      .optional()
      .describe('The markdown text; a list of strings is joined with newlines.'),
    dedent: z.boolean().optional().describe('Strip the common leading whitespace of all lines. Default true.'),
    highlight_config: z
      .object({ theme: z.enum(['dark', 'light']).optional() })
      .optional()
      .describe('Code highlighting options: {theme: "dark" | "light"}.'),
    className: baseProps.className,
    style: baseProps.style,
    loading_state: baseProps.loading_state,
  },
});

/** The props of dcc.Markdown. */
export type MarkdownProps = PropsOf<typeof Markdown>;
