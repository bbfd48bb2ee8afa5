/**
 * Rows made for a profile: "Because you liked {title}" / "Because you added {title}" from its newest
 * thumbs-up and My List additions. Each row is the first page of the title's "more like this",
 * through the catalog's cache, so a browse load costs at most three upstream calls when the cache is
 * cold (one per row) and none when it is warm; names come from what was stored when rating or adding.
 */
import { maturityAllows, type MaturityLevel, type MediaType, type RatingValue, type Recommendations, type RecommendationRow, type Title } from '@marquee/contracts';
import type { Caller } from '../../domain/caller.js';

/** Rows at most, and titles per row. */
export const MAX_ROWS = 3;
export const ROW_SIZE = 20;

/** What the rows need of the catalog. */
export interface SimilarLookup {
  /** The first page of "more like this" at a level; throws for an unknown title or an upstream fault. */
  similarTitles(level: MaturityLevel, mediaType: MediaType, id: number): Promise<readonly Title[]>;
  /** A title's US certification; throws for an unknown title or an upstream fault. */
  certificationOf(mediaType: MediaType, id: number): Promise<string | null>;
}

/** A profile's ratings, newest first, with the names stored when rating. */
export interface RatingSignals {
  signals(profileId: string): Promise<{ mediaType: MediaType; id: number; rating: RatingValue; name: string; at: Date }[]>;
}

/** A profile's My List, newest first, with the names stored when adding. */
export interface ListSignals {
  signals(profileId: string): Promise<{ mediaType: MediaType; id: number; name: string; at: Date }[]>;
}

interface Signal {
  kind: 'liked' | 'added';
  mediaType: MediaType;
  id: number;
  name: string;
  at: number;
}

const keyOf = (mediaType: MediaType, id: number) => `${mediaType}:${id}`;

export class RecommendationsService {
  constructor(private readonly deps: { catalog: SimilarLookup; ratings: RatingSignals; list: ListSignals }) {}

  async rows(caller: Pick<Caller, 'profileId' | 'maturity'>): Promise<Recommendations> {
    const [rated, listed] = await Promise.all([this.deps.ratings.signals(caller.profileId), this.deps.list.signals(caller.profileId)]);
    // Never suggested: what is already in the list, and what the profile has rated either way.
    const excluded = new Set([...rated.map((r) => keyOf(r.mediaType, r.id)), ...listed.map((l) => keyOf(l.mediaType, l.id))]);
    const candidates: Signal[] = [
      ...rated.filter((r) => r.rating === 'up').map((r) => ({ kind: 'liked' as const, mediaType: r.mediaType, id: r.id, name: r.name, at: r.at.getTime() })),
      ...listed.map((l) => ({ kind: 'added' as const, mediaType: l.mediaType, id: l.id, name: l.name, at: l.at.getTime() })),
    ].sort((a, b) => b.at - a.at);
    const seen = new Set<string>();
    const signals: Signal[] = [];
    for (const signal of candidates) {
      const key = keyOf(signal.mediaType, signal.id);
      if (seen.has(key)) continue;
      seen.add(key);
      signals.push(signal);
      if (signals.length === MAX_ROWS) break;
    }
    const { catalog } = this.deps;
    const level = caller.maturity;
    const pages = await Promise.all(
      signals.map(async (signal) => {
        try {
          // A title above the limit (hidden from the profile's lists) makes no row either.
          if (level !== 'all' && !maturityAllows(level, await catalog.certificationOf(signal.mediaType, signal.id))) return [];
          return await catalog.similarTitles(level, signal.mediaType, signal.id);
        } catch {
          // One row that cannot be made now does not cost the others.
          return [];
        }
      }),
    );
    const shown = new Set<string>();
    const rows: RecommendationRow[] = [];
    signals.forEach((signal, i) => {
      const results: Title[] = [];
      for (const title of pages[i] ?? []) {
        const key = keyOf(title.media_type, title.id);
        if (excluded.has(key) || shown.has(key)) continue;
        shown.add(key);
        results.push(title);
        if (results.length === ROW_SIZE) break;
      }
      if (results.length === 0) return;
      const verb = signal.kind === 'liked' ? 'liked' : 'added';
      rows.push({ id: `because-${signal.mediaType}-${signal.id}`, title: `Because you ${verb} ${signal.name}`, results });
    });
    return { rows };
  }
}
