/**
 * Code highlighting for dcc.Markdown: highlight.js with the languages Dash bundles (bash, csharp,
 * css, fsharp, http, javascript, json, julia, markdown, matlab, plaintext, python, r, ruby, shell,
 * sql, xml, yaml). Imported dynamically by the Markdown view only when the text has a fenced code
 * block with a language, so it is its own chunk. Its output is escaped HTML spans, which still go
 * through DOMPurify and the React conversion like the rest of the markdown.
 */
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import fsharp from 'highlight.js/lib/languages/fsharp';
import http from 'highlight.js/lib/languages/http';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import julia from 'highlight.js/lib/languages/julia';
import markdown from 'highlight.js/lib/languages/markdown';
import matlab from 'highlight.js/lib/languages/matlab';
import plaintext from 'highlight.js/lib/languages/plaintext';
import python from 'highlight.js/lib/languages/python';
import r from 'highlight.js/lib/languages/r';
import ruby from 'highlight.js/lib/languages/ruby';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

const languages = { bash, csharp, css, fsharp, http, javascript, json, julia, markdown, matlab };
const more = { plaintext, python, r, ruby, shell, sql, xml, yaml };
for (const [name, language] of Object.entries({ ...languages, ...more })) hljs.registerLanguage(name, language);

/** The highlighted HTML of `code` in `language`, or undefined for an unknown language. */
export function highlight(code: string, language: string): string | undefined {
  if (hljs.getLanguage(language) === undefined) return undefined;
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}
