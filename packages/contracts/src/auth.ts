import Type from 'typebox';
import { EMAIL_SYNTAX, FIELD_LIMITS, NO_CONTROL_CHARACTERS } from './fields.js';
import { Profile } from './profiles.js';
import { INVITATION_TOKEN_MAX, Role } from './admin.js';

const { email, password, name, avatarUrl } = FIELD_LIMITS;

/** Characters allowed in an email, as an HTML `type=email` input accepts them; surrounding spaces are trimmed. */
export const EMAIL_PATTERN = `^\\s*${EMAIL_SYNTAX}\\s*$`;

const Email = Type.String({
  pattern: EMAIL_PATTERN,
  maxLength: email.untrimmedMax,
  description: `An email address (HTML \`type=email\` syntax), trimmed and lower-cased; at most ${email.max} characters.`,
});
const Password = Type.String({
  minLength: password.min,
  maxLength: password.max,
  description: `${password.min}…${password.max} characters, used exactly as typed.`,
});
const Name = Type.String({
  minLength: name.min,
  maxLength: name.untrimmedMax,
  description: `Display name: ${name.min}…${name.max} characters after trimming, no control characters.`,
});
const Avatar = Type.Union([Type.String({ maxLength: avatarUrl.max, format: 'uri' }), Type.Null()], {
  description: `An absolute \`https:\` or \`http:\` URL (at most ${avatarUrl.max} characters), or \`null\` to clear it.`,
});

/** A registered user, as every route shows it: never a password hash. */
export const User = Type.Object(
  {
    id: Type.String({ description: 'Opaque user id.' }),
    email: Type.String({ description: 'Lower-cased email.' }),
    name: Type.String(),
    avatar: Type.Union([Type.String(), Type.Null()], { description: 'Avatar image URL or null.' }),
    watchlist: Type.Array(Type.Integer(), { description: 'Ids of the titles in the current profile’s list, newest first.' }),
    role: Role,
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { title: 'User', additionalProperties: false },
);
export type User = Type.Static<typeof User>;

/** The signed-in account and the profile the caller's session is on (`GET /api/auth/me`). */
export const Me = Type.Object(
  { ...User.properties, profile: Profile },
  { title: 'Me', description: 'The user, and `profile`: the profile the token names.', additionalProperties: false },
);
export type Me = Type.Static<typeof Me>;

export const TokenResponse = Type.Object(
  {
    access_token: Type.String({ description: 'A signed JWT naming the account, the session and its profile; send it as `Authorization: Bearer …`.' }),
    token_type: Type.Literal('Bearer'),
    expires_in: Type.Integer({ description: 'Lifetime of the access token in seconds.' }),
    refresh_token: Type.String({ description: 'Opaque, single-use refresh token (also set as an HttpOnly cookie).' }),
    user: User,
    profile: Profile,
  },
  { title: 'TokenResponse', additionalProperties: false },
);
export type TokenResponse = Type.Static<typeof TokenResponse>;

export const RegisterBody = Type.Object(
  {
    email: Email,
    password: Password,
    name: Name,
    invitation: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: INVITATION_TOKEN_MAX,
        description: 'The token of an invitation link (`/register?invitation=…`): needed when registration is by invitation; used up by this registration.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type RegisterBody = Type.Static<typeof RegisterBody>;

export const LoginBody = Type.Object(
  {
    email: Type.String({ maxLength: email.untrimmedMax, pattern: NO_CONTROL_CHARACTERS }),
    // Longer than any password registration accepts, so an over-long guess is a plain 401, not a 400.
    password: Type.String({ maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Type.Static<typeof LoginBody>;

export const RefreshBody = Type.Object(
  {
    refresh_token: Type.Optional(
      Type.String({ maxLength: 512, description: 'The refresh token; may be omitted when the refresh cookie is sent.' }),
    ),
  },
  { additionalProperties: false },
);
export type RefreshBody = Type.Static<typeof RefreshBody>;

export const ProfileBody = Type.Object(
  {
    name: Type.Optional(Name),
    avatar: Type.Optional(Avatar),
    current_password: Type.Optional(Type.String({ maxLength: 1024, description: 'Required with `new_password`.' })),
    new_password: Type.Optional(Password),
  },
  { additionalProperties: false },
);
export type ProfileBody = Type.Static<typeof ProfileBody>;
