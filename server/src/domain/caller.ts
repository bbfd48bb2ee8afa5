import type { MaturityLevel, Role } from '@marquee/contracts';

/**
 * Who is calling: the account, the session and the profile a verified access token names, with
 * the profile's limit as it is now (a limit applies from the moment it changes, to tokens already
 * issued too). Set on `request.user` by `app.authenticate`; services take it as their first argument
 * and only ever touch what belongs to it.
 */
export interface Caller {
  readonly userId: string;
  readonly sessionId: string;
  readonly profileId: string;
  readonly maturity: MaturityLevel;
  readonly kids: boolean;
  /** The account's role: only the owner reaches `/api/admin/…`. */
  readonly role: Role;
}
