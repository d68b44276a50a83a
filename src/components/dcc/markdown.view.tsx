/**
 * dcc.Markdown view (spec/components.md §3.21): markdown-it (CommonMark + tables, strikethrough)
 * renders the text; DOMPurify sanitizes the result and it becomes React elements (see
 * html-to-react.browser.ts), so nothing is inserted as raw HTML. Raw HTML in the text is escaped
 * (markdown-it `html: false`) unless `dangerously_allow_html`, and then DOMPurify removes scripts,
 * event handlers, `<style>` and unsafe URLs (an `on*` attribute in opt-in HTML is still seen, and
 * blocked and reported, by the CSP while DOMPurify parses it: that report is wanted). Links:
 * markdown-it's own link check, then `safeUrl`, and `link_target`. Fenced code with a language is
 * highlighted by highlight.js, loaded on demand. This module is a lazy chunk, so these libraries
 * load only when a page has a Markdown. `mathjax` is not supported (the text is shown as written).
 */
import DOMPurify from 'dompurify';
import type { MarkdownIt as MarkdownRenderer } from 'markdown-it';
import MarkdownIt from 'markdown-it';
import { useEffect, useMemo, useState } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import { loadingAttributes } from '../../renderer/component-api.js';
import { childrenToReact } from './html-to-react.browser.js';
import type { MarkdownProps } from './markdown.js';
import { dedent as dedentText, markdownSource, renameStyleAttributes } from './markdown-text.js';
import { classNames, domId } from './view-utils.browser.js';
import './styles/markdown.css';

/** Highlights code in a language, or returns undefined (markdown-it then escapes it as plain text). */
type Highlighter = (code: string, language: string) => string | undefined;

/** A fenced code block with a language: only then is highlight.js loaded. */
const fenceWithLanguage = /^[ \t]*(?:```|~~~)[ \t]*[A-Za-z]/m;

/** A page-provided highlight.js (`window.hljs`) replaces the bundled one, as in Dash. */
function pageHighlighter(): Highlighter | undefined {
  const hljs = (window as { hljs?: { getLanguage?: unknown; highlight?: unknown } }).hljs;
  if (typeof hljs?.highlight !== 'function' || typeof hljs.getLanguage !== 'function') return undefined;
  const page = hljs as {
    getLanguage(name: string): unknown;
    highlight(code: string, options: { language: string; ignoreIllegals: boolean }): { value: string };
  };
  return (code, language) =>
    page.getLanguage(language) ? page.highlight(code, { language, ignoreIllegals: true }).value : undefined;
}

function renderer(allowHtml: boolean, highlighter: Highlighter | undefined): MarkdownRenderer {
  const md: MarkdownRenderer = new MarkdownIt({
    html: allowHtml,
    highlight: (code, language) => {
      const highlighted = language === '' || highlighter === undefined ? undefined : highlighter(code, language);
      // A string starting with <pre is used as the whole block; '' lets markdown-it escape the code.
      return highlighted === undefined
        ? ''
        : `<pre><code class="hljs language-${md.utils.escapeHtml(language)}">${highlighted}</code></pre>`;
    },
  });
  return md;
}

export default function MarkdownView(props: ViewProps<MarkdownProps>) {
  const { children, dedent = true, dangerously_allow_html = false, link_target, highlight_config } = props;
  const source = useMemo(() => {
    const text = markdownSource(children);
    return dedent ? dedentText(text) : text;
  }, [children, dedent]);
  const needsHighlighter = fenceWithLanguage.test(source);
  const [highlighter, setHighlighter] = useState<Highlighter | undefined>(pageHighlighter);
  useEffect(() => {
    if (!needsHighlighter || highlighter !== undefined) return;
    let live = true;
    void import('./markdown-highlight.browser.js').then((module) => {
      if (live) setHighlighter(() => module.highlight);
    });
    return () => {
      live = false;
    };
  }, [needsHighlighter, highlighter]);
  const md = useMemo(() => renderer(dangerously_allow_html, highlighter), [dangerously_allow_html, highlighter]);

  const content = useMemo(() => {
    const html = md.render(source);
    const fragment = DOMPurify.sanitize(renameStyleAttributes(html), {
      RETURN_DOM_FRAGMENT: true,
      USE_PROFILES: { html: true },
      FORBID_TAGS: ['style', 'script', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link', 'form'],
    });
    return childrenToReact(fragment.childNodes, { linkTarget: link_target });
  }, [md, source, link_target]);

  return (
    <div
      id={domId(props.id)}
      className={classNames('dash-markdown', highlight_config?.theme === 'dark' && 'hljs-dark', props.className)}
      style={props.style}
      {...loadingAttributes(props.loading_state)}
    >
      {content}
    </div>
  );
}
