/**
 * Text preparation for dcc.Markdown, runs anywhere: joining a list of strings, `dedent` (Python's
 * `textwrap.dedent`: remove the whitespace prefix common to all non-blank lines), and moving
 * `style` attributes out of the CSP's way before the rendered HTML is parsed.
 */

/** The markdown text of `children`: a string, or a list of strings joined with newlines. */
export function markdownSource(children: unknown): string {
  if (typeof children === 'string') return children;
  if (typeof children === 'number') return String(children);
  if (Array.isArray(children)) return children.filter((c) => typeof c === 'string').join('\n');
  return '';
}

/**
 * Remove the leading whitespace common to every non-blank line (lines of only spaces or tabs count
 * as blank and become empty), so markdown can be indented like the code around it.
 */
export function dedent(text: string): string {
  const lines = text.split('\n');
  let prefix: string | undefined;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (prefix === undefined) {
      prefix = indent;
    } else {
      let i = 0;
      while (i < prefix.length && i < indent.length && prefix[i] === indent[i]) i += 1;
      prefix = prefix.slice(0, i);
    }
    if (prefix === '') break;
  }
  const cut = prefix?.length ?? 0;
  return lines.map((line) => (line.trim() === '' ? '' : line.slice(cut))).join('\n');
}

/** Where `style` attributes are moved before parsing (html-to-react turns them back into styles). */
export const styleAttribute = 'data-dash-style';

/**
 * Rename `style=` attributes inside tags to `data-dash-style=` before the HTML is parsed: parsing a
 * style attribute, even in DOMPurify's inert document, is an inline style the CSP blocks and
 * reports (markdown-it writes them for table alignment). The converter turns `data-dash-style`
 * back into a React style object, which the CSSOM applies without violating the CSP. A tag this
 * pattern misses keeps its `style`, which the CSP then blocks: never less safe.
 */
export function renameStyleAttributes(html: string): string {
  return html.replace(/<[a-zA-Z][^<>]*>/g, (tag) => tag.replace(/(\s)style(\s*=)/gi, `$1${styleAttribute}$2`));
}
