/**
 * In-app navigation shared by dcc.Link and dcc.Location: `history.pushState` plus the window event
 * Dash uses to tell every Location that the URL changed (`_dashprivate_pushstate`).
 */

/** The event name Dash's Link and Location use (kept for compatibility with Dash components). */
export const pushStateEvent = '_dashprivate_pushstate';

/** Tell every dcc.Location that the URL was changed by pushState. */
export function notifyLocations(): void {
  window.dispatchEvent(new CustomEvent(pushStateEvent));
}

/** Is `url` (relative or absolute) on this page's origin, so pushState may use it? */
export function isSameOrigin(url: string): boolean {
  try {
    return new URL(url, window.location.href).origin === window.location.origin;
  } catch {
    return false;
  }
}

/** Push `url` into the history (same origin only) and optionally notify the Locations. */
export function pushUrl(url: string, notify: boolean): boolean {
  if (!isSameOrigin(url)) return false;
  window.history.pushState({}, '', url);
  if (notify) notifyLocations();
  return true;
}
