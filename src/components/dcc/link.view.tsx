/**
 * dcc.Link view (spec/components.md §3.17): an `<a>` whose plain left click (no modifier key,
 * target empty or `_self`, same origin) navigates inside the app: `history.pushState`, the
 * `_dashprivate_pushstate` event for the Locations, and a scroll to the top; `refresh` does a full
 * load instead. `href` always goes through `safeUrl`.
 */
import type { MouseEvent } from 'react';
import type { ViewProps } from '../../renderer/component-api.js';
import { loadingAttributes, safeUrl } from '../../renderer/component-api.js';
import type { LinkProps } from './link.js';
import { isSameOrigin, pushUrl } from './navigation.browser.js';
import { domId } from './view-utils.browser.js';

export default function LinkView(props: ViewProps<LinkProps>) {
  const { href, target, refresh = false, children } = props;
  const url = safeUrl(href) ?? '';
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.shiftKey || event.altKey || event.ctrlKey) return;
    if (target !== undefined && target !== null && target !== '' && target !== '_self') return;
    if (!isSameOrigin(url)) return; // another site: let the browser navigate
    event.preventDefault();
    if (refresh) {
      window.location.assign(url);
      return;
    }
    pushUrl(url, true);
    window.scrollTo(0, 0);
  };
  return (
    <a
      id={domId(props.id)}
      href={url}
      target={target}
      title={props.title}
      className={props.className}
      style={props.style}
      onClick={onClick}
      {...loadingAttributes(props.loading_state)}
    >
      {children ?? href}
    </a>
  );
}
