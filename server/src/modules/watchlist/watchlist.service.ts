// Placeholder until the watchlist module lands.
import type { Db } from '../../db/database.js';
import type { CatalogService } from '../catalog/catalog.service.js';

export class WatchlistService {
  constructor(readonly deps: { db: Db; catalog: CatalogService }) {}
}
