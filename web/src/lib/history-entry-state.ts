/**
 * How much of a growing list a history entry showed, so Back to it finds the list as it was left
 * (see ./history-entry for its scroll position). Kept in memory for the life of the page.
 */
import { useCallback, useState } from 'react';
import { useLocation } from 'react-router';

const values = new Map<string, unknown>();

/**
 * State that belongs to the current history entry: Back to this entry finds the value it was left
 * with (how many titles of a list were shown), a new entry starts from `initial`.
 */
export function useHistoryEntryState<T>(name: string, initial: T): [T, (next: T) => void] {
  const id = `${useLocation().key}:${name}`;
  const [value, setValue] = useState<T>(() => (values.has(id) ? (values.get(id) as T) : initial));
  const set = useCallback(
    (next: T) => {
      values.set(id, next);
      setValue(next);
    },
    [id],
  );
  return [value, set];
}
