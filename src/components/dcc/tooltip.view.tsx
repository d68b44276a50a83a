/**
 * dcc.Tooltip view (spec/components.md §3.25): an absolutely positioned box the size of `bbox`
 * (relative to the nearest positioned parent), and in it the content, placed on the `direction`
 * side with an arrow pointing at the box. Hidden when `show` is false or there is no bbox. While a
 * callback computes one of the tooltip's props, `loading_text` replaces the content. The colours
 * reach the stylesheet as CSS custom properties (no inline <style>: our CSP forbids it).
 */
import type { CSSProperties } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import type { TooltipProps } from './tooltip.js';
import { classNames, domId } from './view-utils.browser.js';
import './styles/dcc.css';
import './styles/tooltip.css';

export default function TooltipView(props: ViewProps<TooltipProps>) {
  const { bbox, show = true, direction = 'right', zindex = 1, targetable = false } = props;
  const isLoading = props.loading_state?.is_loading === true;
  const box: CSSProperties & Record<`--${string}`, string | number> = {
    top: bbox?.y0 ?? 0,
    left: bbox?.x0 ?? 0,
    width: bbox ? bbox.x1 - bbox.x0 : 0,
    height: bbox ? bbox.y1 - bbox.y0 : 0,
    display: show && bbox ? 'inline-block' : 'none',
    pointerEvents: targetable ? 'auto' : 'none',
    zIndex: zindex,
    '--dash-tooltip-border': props.border_color ?? 'var(--Dash-Stroke-Weak)',
    '--dash-tooltip-background': props.background_color ?? 'var(--Dash-Fill-Inverse-Strong)',
  };
  return (
    <div className="dcc-tooltip-bounding-box" style={box}>
      <span
        className={`hover hover-${direction}`}
        style={{ zIndex: zindex }}
        data-dash-is-loading={isLoading ? 'true' : undefined}
      >
        <span
          id={domId(props.id)}
          className={classNames('hover-content', props.className)}
          style={{ ...props.style, pointerEvents: targetable ? 'auto' : 'none' }}
        >
          {isLoading ? <span>{props.loading_text ?? 'Loading...'}</span> : props.children}
        </span>
      </span>
    </div>
  );
}
