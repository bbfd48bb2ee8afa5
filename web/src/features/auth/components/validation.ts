/** Same syntax the server accepts (HTML `type=email`), checked in the app so errors read well. */
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** An error message for an email field, or null when it is fine. */
export function emailError(value: string): string | null {
  const email = value.trim();
  if (!email) return 'Enter your email address.';
  if (email.length > 254 || !EMAIL.test(email)) return 'Enter an email address like name@example.com.';
  return null;
}

/** An error message for a new password (8…128 characters, used exactly as typed), or null. */
export function newPasswordError(value: string): string | null {
  const length = [...value].length;
  if (length === 0) return 'Choose a password.';
  if (length < 8) return 'Use at least 8 characters.';
  if (length > 128) return 'Use at most 128 characters.';
  return null;
}

/** An error message for a display name (1…100 characters after trimming), or null. */
export function nameError(value: string): string | null {
  const name = value.trim();
  if (!name) return 'Enter your name.';
  if ([...name].length > 100) return 'Use at most 100 characters.';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'Remove the control characters.';
  return null;
}
