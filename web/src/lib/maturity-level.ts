/**
 * The maturity level the catalog is browsed at: the current profile's. Every query of titles keys
 * its cache by it, so switching profile never shows titles cached for another level.
 */
import type { MaturityLevel } from '@marquee/contracts/maturity';
import { useSyncExternalStore } from 'react';
import { session } from './session';
import { readShellLevel } from './shell-cookie';

export interface CatalogLevel {
  level: MaturityLevel;
  /**
   * Whether a request now would be answered at `level`. Before the session is restored requests go
   * without a token, and are answered at `all`: a lower level must wait for the token.
   */
  ready: boolean;
}

/** The level now: the session's profile, else (still restoring) the level the page shell was made for, else `all`. */
export function catalogLevel(): CatalogLevel {
  const { status, profile } = session.getSnapshot();
  const level = profile?.maturity ?? (status === 'restoring' ? readShellLevel() : null) ?? 'all';
  return { level, ready: status === 'signed-in' || level === 'all' };
}

let last: CatalogLevel = catalogLevel();
function snapshot(): CatalogLevel {
  const next = catalogLevel();
  if (next.level !== last.level || next.ready !== last.ready) last = next;
  return last;
}

/** The level, re-rendering when it changes (sign-in, profile switch, a limit changed). */
export function useCatalogLevel(): CatalogLevel {
  return useSyncExternalStore(session.subscribe, snapshot, snapshot);
}
