// Placeholder until the embedded catalog lands.
import type { CatalogSource } from '../../modules/catalog/catalog.source.js';

/** The offline catalog: films derived from vega-datasets plus hand-written TV series. */
export async function createEmbeddedSource(): Promise<CatalogSource> {
  throw new Error('embedded catalog not built yet');
}
