import { FIELD_LIMITS, codePoints, hasControlCharacter, isEmail } from '@marquee/contracts/fields';

/** The same rules the server applies (`@marquee/contracts/fields`), checked in the app so errors read well. */

/** An error message for an email field, or null when it is fine. */
export function emailError(value: string): string | null {
  const email = value.trim();
  if (!email) return 'Enter your email address.';
  if (!isEmail(email)) return 'Enter an email address like name@example.com.';
  return null;
}

/** An error message for a new password (used exactly as typed), or null. */
export function newPasswordError(value: string): string | null {
  const { min, max } = FIELD_LIMITS.password;
  const length = codePoints(value);
  if (length === 0) return 'Choose a password.';
  if (length < min) return `Use at least ${min} characters.`;
  if (length > max) return `Use at most ${max} characters.`;
  return null;
}

/** An error message for a display name (checked after trimming), or null. */
export function nameError(value: string): string | null {
  const name = value.trim();
  if (!name) return 'Enter your name.';
  if (codePoints(name) > FIELD_LIMITS.name.max) return `Use at most ${FIELD_LIMITS.name.max} characters.`;
  if (hasControlCharacter(value)) return 'Remove the control characters.';
  return null;
}
