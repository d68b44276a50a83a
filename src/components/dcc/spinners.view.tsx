/**
 * The five built-in spinners of dcc.Loading (default, graph, cube, circle, dot): plain elements
 * animated by styles/loading.css; the colour is passed as the `--dash-spinner-color` variable.
 * Not a registered view itself.
 */
import type { CSSProperties } from 'react';
import type { LoadingProps } from './loading.js';
import { classNames } from './view-utils.browser.js';

export interface SpinnerProps {
  readonly type: NonNullable<LoadingProps['type']>;
  readonly className: string | undefined;
  readonly style: CSSProperties | undefined;
  readonly color: string;
  readonly fullscreen: boolean;
  /** With `debug`: the ids of the loading components. */
  readonly debug: readonly string[] | undefined;
}

/** How many animated parts each spinner has. */
const parts: Readonly<Record<SpinnerProps['type'], number>> = {
  default: 3,
  graph: 4,
  cube: 4,
  circle: 12,
  dot: 3,
};

export function Spinner(props: SpinnerProps) {
  const count = parts[props.type];
  const spinner = (
    <div
      className={classNames('dash-spinner', `dash-spinner--${props.type}`, props.className)}
      style={{ '--dash-spinner-color': props.color, ...props.style } as CSSProperties}
      role="status"
      aria-label="Loading"
    >
      {Array.from({ length: count }, (_, i) => (
        <div
          key={i}
          className="dash-spinner__part"
          style={{ '--dash-spinner-index': i, '--dash-spinner-count': count } as CSSProperties}
        />
      ))}
      {props.debug !== undefined && (
        <div className="dash-spinner__debug">
          {props.debug.length === 0 ? 'Loading' : `Loading: ${props.debug.map((id) => id || '(no id)').join(', ')}`}
        </div>
      )}
    </div>
  );
  return props.fullscreen ? <div className="dash-spinner-fullscreen">{spinner}</div> : spinner;
}
