import Type from 'typebox';
import { MediaType } from './common.js';
import { Title } from './catalog.js';

export const WatchlistItem = Type.Object(
  { ...Title.properties, added_at: Type.String({ format: 'date-time' }) },
  { title: 'WatchlistItem' },
);
export type WatchlistItem = Type.Static<typeof WatchlistItem>;

export const Watchlist = Type.Object(
  { results: Type.Array(WatchlistItem), total_results: Type.Integer() },
  { title: 'Watchlist' },
);
export type Watchlist = Type.Static<typeof Watchlist>;

export const WatchlistEntry = Type.Object(
  { id: Type.Integer(), media_type: MediaType, added_at: Type.String({ format: 'date-time' }) },
  { title: 'WatchlistEntry' },
);
export type WatchlistEntry = Type.Static<typeof WatchlistEntry>;
