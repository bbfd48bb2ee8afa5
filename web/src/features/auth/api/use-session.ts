import { useSyncExternalStore } from 'react';
import { session, type SessionSnapshot } from '../../../lib/session';

/** The current session (status and user), re-rendering on sign-in, refresh of the user and sign-out. */
export function useSession(): SessionSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
}
