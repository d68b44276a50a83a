/**
 * `dash_clientside.clean_url(url, fallback = 'about:blank')`: the URL when the renderer's one URL
 * check (`safeUrl`, component-api.ts) lets it through, else `fallback`. Installed by the browser
 * entry: the runtime itself stays free of the React-side modules.
 */
import { safeUrl } from '../component-api.js';
import { setUrlCleaner } from './index.js';

export function cleanUrl(url: unknown, fallback = 'about:blank'): string {
  const safe = safeUrl(url);
  return safe === undefined || safe.startsWith('about:blank') ? fallback : safe;
}

export function installCleanUrl(): void {
  setUrlCleaner(cleanUrl);
}
