import type { Profile, TokenResponse, User } from '@marquee/contracts';

/**
 * The signed-in session, in memory only: the access token never touches storage, so a script
 * injected into the page cannot lift it from localStorage. A reload restores the session through
 * the HttpOnly refresh cookie instead.
 */
export type SessionStatus = 'restoring' | 'signed-in' | 'signed-out';

export interface SessionSnapshot {
  status: SessionStatus;
  user: User | null;
  /** The profile the session is on (its maturity level is the catalog's limit). */
  profile: Profile | null;
}

interface SessionState extends SessionSnapshot {
  accessToken: string | null;
  /** Epoch milliseconds at which the access token expires. */
  expiresAt: number;
}

type Listener = () => void;

let state: SessionState = { status: 'restoring', user: null, profile: null, accessToken: null, expiresAt: 0 };
let snapshot: SessionSnapshot = { status: state.status, user: state.user, profile: state.profile };
const listeners = new Set<Listener>();

function update(next: SessionState) {
  state = next;
  if (snapshot.status !== next.status || snapshot.user !== next.user || snapshot.profile !== next.profile) {
    snapshot = { status: next.status, user: next.user, profile: next.profile };
    for (const listener of listeners) listener();
  }
}

/** Reads and changes the in-memory session; components subscribe through `useSession`. */
export const session = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot(): SessionSnapshot {
    return snapshot;
  },
  get accessToken(): string | null {
    return state.accessToken;
  },
  get expiresAt(): number {
    return state.expiresAt;
  },
  /** Stores a fresh token pair's access token, user and profile. */
  start(tokens: TokenResponse): void {
    update({
      status: 'signed-in',
      user: tokens.user,
      profile: tokens.profile,
      accessToken: tokens.access_token,
      expiresAt: Date.now() + tokens.expires_in * 1000,
    });
  },
  /** Replaces the user after a profile change or a watchlist update. */
  setUser(user: User): void {
    if (state.status === 'signed-in') update({ ...state, user });
  },
  /** Replaces the current profile after it was edited (same id). */
  setProfile(profile: Profile): void {
    if (state.status === 'signed-in' && state.profile?.id === profile.id) update({ ...state, profile });
  },
  /** Forgets everything; listeners clear caches that belonged to the user. */
  end(): void {
    update({ status: 'signed-out', user: null, profile: null, accessToken: null, expiresAt: 0 });
  },
};
