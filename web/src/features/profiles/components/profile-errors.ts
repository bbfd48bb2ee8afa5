import { ApiError } from '../../../lib/api-client';

/** "3 minutes" from a Retry-After in seconds (at least one minute). */
function minutes(seconds: number): string {
  const n = Math.max(1, Math.ceil(seconds / 60));
  return `${n} minute${n === 1 ? '' : 's'}`;
}

/** What to tell the person when a switch to a profile fails. */
export function switchFailure(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'WRONG_PIN') return 'That PIN isn’t right. Try again.';
    if (error.code === 'PIN_REQUIRED') return 'Enter the profile’s PIN.';
    if (error.status === 429) {
      return error.retryAfter ? `Too many wrong PINs. Try again in ${minutes(error.retryAfter)}.` : 'Too many wrong PINs. Try again later.';
    }
    if (error.status === 404) return 'This profile no longer exists.';
    if (error.status === 0) return error.message;
  }
  return 'Couldn’t switch profile. Please try again.';
}

/** What to tell the person when saving or deleting a profile fails. */
export function manageFailure(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'PROFILE_NAME_TAKEN':
        return 'Another profile already has this name.';
      case 'PROFILE_LIMIT':
        return 'An account can have at most five profiles.';
      case 'WRONG_PASSWORD':
        return 'Your current password is not correct.';
      case 'LAST_PROFILE':
        return 'The account’s own profile cannot be deleted.';
      case 'PROFILE_RESTRICTED':
        return 'A kids profile cannot manage profiles.';
    }
    if (error.fieldErrors[0]) return error.fieldErrors[0].message;
    if (error.status === 404) return 'This profile no longer exists.';
    if (error.status === 0) return error.message;
  }
  return 'Couldn’t save the profile. Please try again.';
}
