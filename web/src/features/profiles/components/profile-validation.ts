import { FIELD_LIMITS, PIN_PATTERN, codePoints, hasControlCharacter } from '@marquee/contracts/fields';
import { KIDS_MAX_LEVEL, maturityRank, type MaturityLevel } from '@marquee/contracts/maturity';

/** The same rules the server applies (`@marquee/contracts`), checked in the app so errors read well. */

const PIN = new RegExp(PIN_PATTERN);

/** An error for a profile name (checked after trimming), or null. */
export function profileNameError(value: string): string | null {
  const { min, max } = FIELD_LIMITS.profileName;
  const name = value.trim();
  if (codePoints(name) < min) return 'Enter a name.';
  if (codePoints(name) > max) return `Use at most ${max} characters.`;
  if (hasControlCharacter(value)) return 'Remove the control characters.';
  return null;
}

/** An error for a new PIN (empty means "no PIN"), or null. */
export function pinError(value: string): string | null {
  if (value === '' || PIN.test(value)) return null;
  return 'Use exactly 4 digits, or leave it empty for no PIN.';
}

/** The highest level a profile may have: kids profiles stop at `older_kids`. */
export function allowsLevel(kids: boolean, level: MaturityLevel): boolean {
  return !kids || maturityRank(level) <= maturityRank(KIDS_MAX_LEVEL);
}

/** A level a kids profile may have: the one given, lowered to the kids' ceiling. */
export function kidsLevel(level: MaturityLevel): MaturityLevel {
  return allowsLevel(true, level) ? level : KIDS_MAX_LEVEL;
}

/**
 * Whether a change needs the account's password (API.md): raising the maturity level, clearing the
 * kids flag, or setting or removing the PIN.
 */
export function needsPassword(before: { kids: boolean; maturity: MaturityLevel }, after: { kids: boolean; maturity: MaturityLevel; pinChanged: boolean }): boolean {
  return maturityRank(after.maturity) > maturityRank(before.maturity) || (before.kids && !after.kids) || after.pinChanged;
}
