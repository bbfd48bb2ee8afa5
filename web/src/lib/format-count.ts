// Apart from ./format: only the list pages count, and ./format is part of every page's first load.

const numberFormat = new Intl.NumberFormat('en-US');

/**
 * A count with its noun, grammatically: "1 title", "2 titles", "1,204 results", "No results". The
 * plural is the noun plus "s" unless given.
 */
export function formatCount(count: number, noun: string, plural = `${noun}s`): string {
  if (count === 0) return `No ${plural}`;
  return `${numberFormat.format(count)} ${count === 1 ? noun : plural}`;
}
