/**
 * Hot reload of CSS assets without a page reload (DOM only; the rest of the reloader is DOM-free so
 * it is unit-tested in node).
 */
import type { ReloadFile } from './reloader.js';

/** Replace the `<link>` of each changed stylesheet by one with the new `?m=` (a deleted file is just removed). */
export function swapStylesheets(doc: Document, files: readonly ReloadFile[]): void {
  const links = [...doc.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];
  for (const file of files) {
    const old = links.filter((link) => new URL(link.href, doc.baseURI).pathname === file.url);
    if (file.modified !== -1) {
      const link = doc.createElement('link');
      link.rel = 'stylesheet';
      link.href = `${file.url}?m=${file.modified}`;
      // The old sheet goes once the new one applies, so the page never shows unstyled.
      link.addEventListener('load', () => old.forEach((o) => o.remove()), { once: true });
      (old.at(-1) ?? doc.head.lastElementChild ?? doc.head).after(link);
    } else {
      old.forEach((o) => o.remove());
    }
  }
}
