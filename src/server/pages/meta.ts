/**
 * Page meta tags of the index page (spec/callbacks.md §10.3, protocol.md §2.2, Dash's
 * `_page_meta_tags`): description, `twitter:*` and `og:*` for the page matching the request path.
 * The values come from the request (URL, Host) and from page data; they are returned as attribute
 * maps and escaped where the page is rendered (index-page.ts `metaTags`), never concatenated here.
 */
import type { AssetFile } from '../assets.js';
import { assetUrl } from '../assets.js';
import { pageText } from './routing.js';
import type { PageEntry, PageRegistry } from './registry.js';

const imageExtensions = ['apng', 'avif', 'gif', 'jpeg', 'jpg', 'png', 'svg', 'webp'];

/** Dash's default page image: `<module>.<ext>`, else `app.<ext>`, else `logo.<ext>` at the top of the assets folder. */
export function defaultImage(page: PageEntry, assets: readonly AssetFile[]): string | null {
  const top = new Set(assets.map((a) => a.relative).filter((r) => !r.includes('/')));
  const stems = [page.module.split('.').at(-1) ?? page.module, 'app', 'logo'];
  for (const stem of stems) {
    for (const ext of imageExtensions) if (top.has(`${stem}.${ext}`)) return `${stem}.${ext}`;
  }
  return null;
}

export interface MetaRequest {
  /** The request's path and query, as received. */
  readonly url: string;
  /** `http` or `https`. */
  readonly protocol: string;
  /** The Host header. */
  readonly host: string;
}

/** The page meta tags for one request, as attribute maps (unescaped values). */
export function pageMetaTags(
  pages: PageRegistry,
  request: MetaRequest,
  site: {
    requestsPrefix: string;
    assetsUrlPath: string;
    appTitle: string;
    appDescription: string;
    assets: readonly AssetFile[];
  },
): Record<string, string>[] {
  const pathname = request.url.split('?')[0] ?? '/';
  const found = pages.match(pathname, site.requestsPrefix);
  const page = found?.page;
  const variables = found?.variables ?? {};
  const root = `${request.protocol}://${request.host}`;
  let imageUrl = '';
  if (page !== undefined) {
    if (page.image_url !== null) imageUrl = page.image_url;
    else {
      const image = page.image ?? defaultImage(page, site.assets);
      if (image !== null) imageUrl = `${root}${assetUrl(site.requestsPrefix, site.assetsUrlPath, image)}`;
    }
  }
  const title = page !== undefined ? pageText(page.title, variables) : site.appTitle;
  const description = page !== undefined ? pageText(page.description, variables) : site.appDescription;
  return [
    { name: 'description', content: description },
    { property: 'twitter:card', content: 'summary_large_image' },
    { property: 'twitter:url', content: `${root}${request.url}` },
    { property: 'twitter:title', content: title },
    { property: 'twitter:description', content: description },
    { property: 'twitter:image', content: imageUrl },
    { property: 'og:title', content: title },
    { property: 'og:type', content: 'website' },
    { property: 'og:description', content: description },
    { property: 'og:image', content: imageUrl },
  ];
}
