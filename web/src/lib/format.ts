/** The 4-digit year of a `YYYY-MM-DD` date, or null. */
export function yearOf(date: string | null): string | null {
  const match = date ? /^(\d{4})/.exec(date) : null;
  return match?.[1] ?? null;
}

/** A rating with one decimal, e.g. "7.8"; null for unrated (0). */
export function formatRating(vote: number): string | null {
  return vote > 0 ? vote.toFixed(1) : null;
}

/** A runtime like "1h 52m", "45m" or "2h"; null when unknown. */
export function formatRuntime(minutes: number | null): string | null {
  if (!minutes || minutes <= 0) return null;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}m`;
  return m === 0 ? `${h}h` : `${h}h ${m}m`;
}
