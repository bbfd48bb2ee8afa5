/**
 * What the server put into the page shell (`<script id="shell-data" type="application/json">`): the
 * catalog notice and the featured title, as `/api/catalog` and `/api/movies/featured` would answer.
 * Read once at start to seed the query cache, so the footer and the hero need no request of their own.
 */
import type { CatalogInfo, TitleDetails } from '@marquee/contracts';
import { MATURITY_LEVELS, type MaturityLevel } from '@marquee/contracts/maturity';
import { SHELL_DATA_ID, type ShellData as SentShellData } from '@marquee/contracts/shell';

/** What of it the app can use: either part may be missing (an older or unfilled shell, a slow catalog). */
export interface ShellData {
  catalog?: CatalogInfo;
  featured?: TitleDetails;
  /** The maturity level `featured` was chosen for. */
  level?: MaturityLevel;
  /** The boot screen showed the featured title (a signed-in visit to browse): absent otherwise. */
  hero?: true;
}

export function readShellData(doc: Document = document): ShellData {
  const text = doc.getElementById(SHELL_DATA_ID)?.textContent;
  if (!text) return {};
  try {
    // Parsed defensively all the same: a page cached from an older server may carry another shape.
    const data = JSON.parse(text) as Partial<SentShellData> | null;
    if (!data) return {};
    return {
      ...(data.catalog && typeof data.catalog.attribution === 'string' ? { catalog: data.catalog } : {}),
      ...(data.featured && typeof data.featured.id === 'number' ? { featured: data.featured } : {}),
      ...(data.level && MATURITY_LEVELS.includes(data.level) ? { level: data.level } : {}),
      ...(data.hero === true ? { hero: true as const } : {}),
    };
  } catch {
    return {};
  }
}

let shownHero: boolean | undefined;

/**
 * Whether this page's boot screen showed the featured title, which the server does only for a
 * visitor who carries a session: the app then keeps the hero on screen while it restores the
 * session; anyone else sees a neutral wait, never the signed-in page. Read once (the shell data
 * stays in the document).
 */
export function shellShowedHero(): boolean {
  shownHero ??= readShellData().hero === true;
  return shownHero;
}
