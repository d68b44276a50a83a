/**
 * dcc.Clipboard view (spec/components.md §3.24): a `<button>` showing FontAwesome's copy icon (or
 * `children`). A click counts `n_clicks`, then copies:
 * - with `target_id`: that element's innerText, or its `.value` when it has no text (inputs);
 * - otherwise `content` (and `html_content` as text/html), after waiting briefly for the callbacks
 *   the click started (so a callback on `n_clicks` can fill `content`), as Dash does.
 * After copying it shows the check icon (or `copied_children`) for one second.
 */
import { faCircleCheck } from '@fortawesome/free-regular-svg-icons/faCircleCheck';
import { faCopy } from '@fortawesome/free-regular-svg-icons/faCopy';
import { useEffect, useRef, useState } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import { loadingAttributes } from '../../renderer/component-api.js';
import type { ClipboardProps } from './clipboard.js';
import { classNames, domId, useCounter } from './view-utils.browser.js';
import './styles/clipboard.css';

/** A FontAwesome icon definition (both icons share the shape). */
type IconDefinition = typeof faCopy;

/** How long the "copied" content stays (ms). */
const copiedFor = 1000;
/** Give the callbacks a click triggers time to start, then wait at most this long for them (ms). */
const callbackStart = 100;
const callbackLimit = 10000;

function Icon({ icon, label }: { icon: IconDefinition; label: string }) {
  const [width, height, , , path] = icon.icon;
  return (
    <svg className="dash-clipboard-icon" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <path fill="currentColor" d={Array.isArray(path) ? path.join(' ') : path} />
    </svg>
  );
}

const wait = (ms: number) => new Promise<void>((resolve) => window.setTimeout(resolve, ms));

/** The text of the target element: innerText, else the value of a form control. */
function targetText(id: string): string | undefined {
  const element = document.getElementById(id);
  if (element === null) return undefined;
  const text = element.innerText;
  if (text !== '') return text;
  return 'value' in element && typeof element.value === 'string' ? element.value : text;
}

async function writeClipboard(text: string, html: string | null | undefined): Promise<void> {
  if (html !== undefined && html !== null && typeof ClipboardItem !== 'undefined') {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/plain': new Blob([text], { type: 'text/plain' }),
        'text/html': new Blob([html], { type: 'text/html' }),
      }),
    ]);
  } else {
    await navigator.clipboard.writeText(text);
  }
}

export default function ClipboardView(props: ViewProps<ClipboardProps, 'copied_children'>) {
  const { setProps } = props;
  const nextClick = useCounter(props.n_clicks);
  const [copied, setCopied] = useState(false);
  // The async copy reads the props as they are after the click's callbacks, not at click time.
  const latest = useRef(props);
  latest.current = props;
  const resetTimer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(resetTimer.current), []);

  const copy = async () => {
    const target = latest.current.target_id;
    let text: string | undefined;
    let html: string | null | undefined;
    if (target !== undefined && target !== null) {
      text = targetText(domId(target) ?? '');
    } else {
      await wait(callbackStart);
      const end = Date.now() + callbackLimit;
      while (latest.current.loading_state?.is_loading === true && Date.now() < end) await wait(callbackStart);
      text = latest.current.content ?? '';
      html = latest.current.html_content;
    }
    if (text === undefined) return;
    try {
      await writeClipboard(text, html);
    } catch (error) {
      // No permission or no focus: nothing was copied, so show no check mark.
      console.warn('dcc.Clipboard: copy failed', error);
      return;
    }
    setCopied(true);
    window.clearTimeout(resetTimer.current);
    resetTimer.current = window.setTimeout(() => setCopied(false), copiedFor);
  };

  const onClick = () => {
    setProps({ n_clicks: nextClick() });
    void copy();
  };

  const content = copied
    ? (props.copied_children ?? <Icon icon={faCircleCheck} label="Copied" />)
    : (props.children ?? <Icon icon={faCopy} label="Copy" />);
  return (
    <button
      type="button"
      id={domId(props.id)}
      className={classNames('dash-clipboard', props.className)}
      style={props.style}
      title={props.title}
      onClick={onClick}
      data-copied={copied ? 'true' : undefined}
      {...loadingAttributes(props.loading_state)}
    >
      {content}
    </button>
  );
}
