/**
 * The shell cookie (`@marquee/contracts/shell`): the maturity level of the profile this browser is
 * on, so the server paints the page shell's hero from titles that profile may see, and none once
 * signed out. It carries no secret and grants nothing; the API enforces limits from the token.
 */
import type { MaturityLevel } from '@marquee/contracts/maturity';
import { SHELL_COOKIE, shellLevelOf } from '@marquee/contracts/shell';

/** As long as the refresh cookie lives; every sign-in, refresh and switch writes it again. */
const MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

const attributes = () => `; Path=/; SameSite=Lax${window.location.protocol === 'https:' ? '; Secure' : ''}`;

/** Remembers the level for the next page shell. */
export function writeShellLevel(level: MaturityLevel): void {
  document.cookie = `${SHELL_COOKIE}=${level}; Max-Age=${MAX_AGE_SECONDS}${attributes()}`;
}

/** Forgets it: the next page shell has no hero. */
export function clearShellLevel(): void {
  document.cookie = `${SHELL_COOKIE}=; Max-Age=0${attributes()}`;
}

/** The level the last page shell was made for, or null. */
export function readShellLevel(): MaturityLevel | null {
  return typeof document === 'undefined' ? null : shellLevelOf(document.cookie);
}
