/**
 * Who is calling: the account and the session a verified access token names. Set on
 * `request.user` by `app.authenticate`; services take it as their first argument and only ever
 * touch what belongs to it.
 */
export interface Caller {
  readonly userId: string;
  readonly sessionId: string;
}
