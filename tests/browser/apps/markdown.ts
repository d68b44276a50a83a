/** dcc.Markdown: rendering, dedent, link_target, escaped raw HTML, sanitized opt-in HTML. */
import { Dash, dcc, html } from 'dash-ts';

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.Markdown' });
  app.layout = html.Div([
    dcc.Markdown(
      `
        # Title

        Some *emphasis*, a [link](https://example.com/docs) and a [bad link](javascript:alert(1)).

        | Left | Right |
        |:-----|------:|
        | a    | 1     |

        ~~gone~~ and \`code\`

        <img src=x onerror="window.__pwned = true"> <b>raw</b>
      `,
      { id: 'md', link_target: '_blank' },
    ),
    dcc.Markdown(
      [
        '<b id="bold">bold</b> <img id="evil" src="x" onerror="window.__pwned = true">',
        '<script>window.__pwned = true</script><a id="js" href="javascript:alert(1)">js</a> <span id="styled" style="color: rgb(0, 0, 255)">blue</span>',
      ],
      {
        id: 'raw',
        dangerously_allow_html: true,
      },
    ),
    dcc.Markdown('    indented code block', { id: 'no-dedent', dedent: false }),
    dcc.Markdown(['```python', 'def f(x):', '    return "x"', '```'], {
      id: 'code',
      highlight_config: { theme: 'dark' },
    }),
  ]);
  return app;
}
