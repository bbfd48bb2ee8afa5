import Type from 'typebox';
import { FIELD_LIMITS, NO_CONTROL_CHARACTERS, PIN_PATTERN } from './fields.js';
import type { MaturityLevel } from './maturity.js';

const { profileName } = FIELD_LIMITS;

/** `little_kids` < `older_kids` < `teens` < `all`. */
export const Maturity = Type.Union(
  [Type.Literal('little_kids'), Type.Literal('older_kids'), Type.Literal('teens'), Type.Literal('all')],
  {
    description:
      'The most a profile may see: `little_kids` (G, TV-Y, TV-G), `older_kids` (adds PG, TV-Y7, TV-Y7-FV, TV-PG), ' +
      '`teens` (adds PG-13, TV-14) or `all` (adds R, NC-17, TV-MA and titles with no known certification).',
  },
);

// The schema and the level list in maturity.ts must name the same levels.
const _sameLevels: Type.Static<typeof Maturity> extends MaturityLevel ? (MaturityLevel extends Type.Static<typeof Maturity> ? true : never) : never = true;
void _sameLevels;

const ProfileName = Type.String({
  minLength: profileName.min,
  maxLength: profileName.untrimmedMax,
  pattern: NO_CONTROL_CHARACTERS,
  description: `${profileName.min}…${profileName.max} characters after trimming, unique per account (case-insensitively).`,
});
const AvatarKey = Type.String({ maxLength: 64, description: 'One of the keys `GET /api/profiles/avatars` lists.' });
const Pin = Type.String({ pattern: PIN_PATTERN, description: 'Exactly four ASCII digits (a string, never trimmed).' });

/** One person of a household account: their own My List, ratings and maturity limit. */
export const Profile = Type.Object(
  {
    id: Type.String({ description: 'Opaque profile id.' }),
    name: Type.String(),
    avatar: Type.String({ description: 'The avatar key; its image is listed by `GET /api/profiles/avatars`.' }),
    kids: Type.Boolean({ description: 'A kids profile: maturity at most `older_kids`, cannot manage profiles.' }),
    maturity: Maturity,
    locked: Type.Boolean({ description: 'True when the profile has a PIN (the PIN itself is never returned).' }),
    owner: Type.Boolean({ description: 'The owner profile, created with the account; it cannot be deleted.' }),
    created_at: Type.String({ format: 'date-time' }),
  },
  { title: 'Profile', additionalProperties: false },
);
export type Profile = Type.Static<typeof Profile>;

export const ProfileList = Type.Object({ profiles: Type.Array(Profile, { description: 'In creation order.' }) }, { title: 'ProfileList' });
export type ProfileList = Type.Static<typeof ProfileList>;

export const Avatar = Type.Object(
  { key: Type.String(), url: Type.String({ description: 'The avatar image (SVG), served by this server.' }) },
  { title: 'Avatar' },
);
export type Avatar = Type.Static<typeof Avatar>;

export const AvatarList = Type.Object({ avatars: Type.Array(Avatar) }, { title: 'AvatarList' });
export type AvatarList = Type.Static<typeof AvatarList>;

export const CreateProfileBody = Type.Object(
  {
    name: ProfileName,
    avatar: Type.Optional(AvatarKey),
    kids: Type.Optional(Type.Boolean({ default: false })),
    maturity: Type.Optional(Maturity),
  },
  { additionalProperties: false },
);
export type CreateProfileBody = Type.Static<typeof CreateProfileBody>;

export const UpdateProfileBody = Type.Object(
  {
    name: Type.Optional(ProfileName),
    avatar: Type.Optional(AvatarKey),
    kids: Type.Optional(Type.Boolean()),
    maturity: Type.Optional(Maturity),
    pin: Type.Optional(Type.Union([Pin, Type.Null()], { description: 'A new PIN, or `null` to remove it (both need `current_password`).' })),
    current_password: Type.Optional(
      Type.String({ maxLength: 1024, description: 'The account password: needed to raise `maturity`, clear `kids`, or set or remove the PIN.' }),
    ),
  },
  { additionalProperties: false },
);
export type UpdateProfileBody = Type.Static<typeof UpdateProfileBody>;

export const SwitchProfileBody = Type.Object(
  { pin: Type.Optional(Type.String({ maxLength: 64, description: 'The PIN of a locked profile.' })) },
  { additionalProperties: false },
);
export type SwitchProfileBody = Type.Static<typeof SwitchProfileBody>;

export const ProfileParams = Type.Object(
  // No length or shape limit: an id is opaque, and any string that is not one of the account's
  // profiles (however long or malformed) answers 404, never 400.
  { id: Type.String({ description: 'A profile id; any id that is not one of your profiles answers 404.' }) },
  { additionalProperties: false },
);
export type ProfileParams = Type.Static<typeof ProfileParams>;
