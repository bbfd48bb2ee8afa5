// Placeholder until the catalog module lands.
import type { MediaType, Title } from '@marquee/contracts';

export class CatalogService {
  /** One title for the watchlist, through the cache; null when the catalog cannot resolve it. */
  async find(_mediaType: MediaType, _id: number): Promise<Title | null> {
    return null;
  }
  async getTitle(_mediaType: MediaType, _id: number): Promise<Title> {
    throw new Error('catalog not built yet');
  }
  async findTitles(refs: { mediaType: MediaType; id: number }[]): Promise<(Title | null)[]> {
    return refs.map(() => null);
  }
  async close(): Promise<void> {}
}
