/**
 * What the server put into the page shell (`<script id="shell-data" type="application/json">`): the
 * catalog notice and the featured title, as `/api/catalog` and `/api/movies/featured` would answer.
 * Read once at start to seed the query cache, so the footer and the hero need no request of their own.
 */
import type { CatalogInfo, TitleDetails } from '@marquee/contracts';

export interface ShellData {
  catalog?: CatalogInfo;
  featured?: TitleDetails;
}

export function readShellData(doc: Document = document): ShellData {
  const text = doc.getElementById('shell-data')?.textContent;
  if (!text) return {};
  try {
    const data = JSON.parse(text) as { catalog?: CatalogInfo | null; featured?: TitleDetails | null };
    return {
      ...(data.catalog && typeof data.catalog.attribution === 'string' ? { catalog: data.catalog } : {}),
      ...(data.featured && typeof data.featured.id === 'number' ? { featured: data.featured } : {}),
    };
  } catch {
    return {};
  }
}
