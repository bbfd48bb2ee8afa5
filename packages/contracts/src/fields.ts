/**
 * The rules of the API's text fields, in one place: the schemas of this package, the server's
 * checks and the web app's forms all read them from here. Imported by the web app as
 * `@marquee/contracts/fields` (plain values and functions, no schemas, so no validator is bundled).
 *
 * Lengths count Unicode code points, after trimming where the field is trimmed.
 */

/** Bounds of each field, in code points. `untrimmedMax` bounds what may arrive before trimming. */
export const FIELD_LIMITS = {
  /** Trimmed and lower-cased. */
  email: { max: 254, untrimmedMax: 320 },
  /** Used exactly as typed. */
  password: { min: 8, max: 128 },
  /** A display name: trimmed. */
  name: { min: 1, max: 100, untrimmedMax: 400 },
  /** An avatar URL. */
  avatarUrl: { max: 2048 },
  /** Search text: trimmed. */
  searchQuery: { min: 1, max: 200, untrimmedMax: 1000 },
  /** A profile's name: trimmed, unique per account (case-insensitively). */
  profileName: { min: 1, max: 30, untrimmedMax: 120 },
  /** Profiles per account. */
  profiles: { max: 5 },
} as const;

/** A profile PIN: exactly four ASCII digits, never trimmed. */
export const PIN_PATTERN = '^[0-9]{4}$';

/**
 * Characters no text field accepts anywhere: the C0 and C1 control characters and DEL (Unicode
 * general category Cc). NUL among them is text PostgreSQL cannot store at all.
 */
export const CONTROL_CHARACTER = /\p{Cc}/u;

/** A JSON Schema `pattern` (Ajv reads patterns as Unicode) for text without any CONTROL_CHARACTER. */
export const NO_CONTROL_CHARACTERS = '^\\P{Cc}*$';

/** A UTF-16 surrogate without its partner: such a string has no UTF-8 form. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Email syntax as an HTML `type=email` input accepts it (no surrounding spaces). */
export const EMAIL_SYNTAX =
  "[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*";

const EMAIL = new RegExp(`^${EMAIL_SYNTAX}$`);

/** The length of `text` in Unicode code points. */
export const codePoints = (text: string): number => [...text].length;

/** False for a string with a lone surrogate (no UTF-8 form: it could only be stored altered). */
export const isWellFormed = (text: string): boolean => !LONE_SURROGATE.test(text);

/** True when `text` holds a character no text field accepts (see CONTROL_CHARACTER). */
export const hasControlCharacter = (text: string): boolean => CONTROL_CHARACTER.test(text);

/** True when a trimmed email has the syntax and length the API accepts. */
export const isEmail = (email: string): boolean => codePoints(email) <= FIELD_LIMITS.email.max && EMAIL.test(email);
