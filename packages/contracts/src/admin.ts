/**
 * The owner's administration (`/api/admin/…`): instance settings, invitations, members and the
 * TMDB credential. Only the owner reaches these routes; the credential is write-only.
 */
import Type from 'typebox';
import { REGION_PATTERN } from './discovery.js';

/** The first account registered on an instance is its owner; every later one is a member. */
export const Role = Type.Union([Type.Literal('owner'), Type.Literal('member')], {
  description: '`owner` (the first account of the instance: administers it) or `member`.',
});
export type Role = Type.Static<typeof Role>;

export const REGISTRATION_POLICIES = ['open', 'invite', 'closed'] as const;
/** Who may create an account: anyone, people holding an invitation, or nobody. */
export const RegistrationPolicy = Type.Union(
  [Type.Literal('open'), Type.Literal('invite'), Type.Literal('closed')],
  { description: '`open` (anyone; the default), `invite` (an unused, unexpired, unrevoked invitation is required) or `closed`.' },
);
export type RegistrationPolicy = (typeof REGISTRATION_POLICIES)[number];

/** The longest invitation token a request may carry (tokens the server makes are 43 characters). */
export const INVITATION_TOKEN_MAX = 128;

/** How long an invitation may live, in days. */
export const INVITATION_DAYS = { min: 1, max: 30, default: 7 } as const;

/** Where the TMDB credential in use comes from: the environment wins over the owner's setting. */
export const TmdbCredentialSource = Type.Union([Type.Literal('environment'), Type.Literal('settings'), Type.Null()], {
  description: '`environment` (TMDB_API_KEY / TMDB_ACCESS_TOKEN, which wins), `settings` (saved by the owner) or `null` (none: the offline catalog).',
});

/** The instance settings as the owner sees them. The TMDB credential itself is never sent back. */
export const InstanceSettings = Type.Object(
  {
    registration: RegistrationPolicy,
    default_region: Type.String({ pattern: '^[A-Z]{2}$', description: 'The region used when none is asked for (ISO 3166-1 alpha-2).' }),
    tmdb: Type.Object(
      {
        connected: Type.Boolean({ description: 'Whether a TMDB credential is set (never the credential itself).' }),
        source: TmdbCredentialSource,
      },
      { additionalProperties: false },
    ),
    catalog_source: Type.Union([Type.Literal('tmdb'), Type.Literal('embedded')], { description: 'Where titles come from right now.' }),
    insecure_transport: Type.Boolean({
      description: 'True when this request reached the server over plain HTTP at an address other than localhost: sign-in cookies and passwords travel unencrypted.',
    }),
  },
  { title: 'InstanceSettings', additionalProperties: false },
);
export type InstanceSettings = Type.Static<typeof InstanceSettings>;

export const SettingsPatch = Type.Object(
  {
    registration: Type.Optional(RegistrationPolicy),
    default_region: Type.Optional(Type.String({ pattern: REGION_PATTERN, description: 'ISO 3166-1 alpha-2, either case.' })),
  },
  { additionalProperties: false },
);
export type SettingsPatch = Type.Static<typeof SettingsPatch>;

export const TmdbCredentialBody = Type.Object(
  {
    credential: Type.String({
      minLength: 1,
      maxLength: 1024,
      pattern: '^[\\x21-\\x7e]+$',
      description: 'A TMDB v3 API key or a v4 read access token; checked against TMDB before it is saved.',
    }),
  },
  { additionalProperties: false },
);
export type TmdbCredentialBody = Type.Static<typeof TmdbCredentialBody>;

export const InvitationStatus = Type.Union([Type.Literal('pending'), Type.Literal('used'), Type.Literal('expired'), Type.Literal('revoked')]);
export type InvitationStatus = Type.Static<typeof InvitationStatus>;

export const Invitation = Type.Object(
  {
    id: Type.String({ description: 'Opaque invitation id.' }),
    token: Type.String({ description: 'The single-use token of the link.' }),
    link: Type.String({ description: 'The root-relative invitation link: `/register?invitation={token}`.' }),
    status: InvitationStatus,
    created_at: Type.String({ format: 'date-time' }),
    expires_at: Type.String({ format: 'date-time' }),
    used_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    revoked_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { title: 'Invitation', additionalProperties: false },
);
export type Invitation = Type.Static<typeof Invitation>;

export const InvitationBody = Type.Object(
  {
    expires_in_days: Type.Optional(
      Type.Integer({
        minimum: INVITATION_DAYS.min,
        maximum: INVITATION_DAYS.max,
        description: `Days until the link expires, ${INVITATION_DAYS.min}…${INVITATION_DAYS.max} (default ${INVITATION_DAYS.default}).`,
      }),
    ),
  },
  { additionalProperties: false },
);
export type InvitationBody = Type.Static<typeof InvitationBody>;

export const InvitationList = Type.Object({ invitations: Type.Array(Invitation) }, { additionalProperties: false });
export type InvitationList = Type.Static<typeof InvitationList>;

export const Member = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    role: Role,
    disabled: Type.Boolean({ description: 'A disabled member cannot sign in; their sessions ended when they were disabled.' }),
    created_at: Type.String({ format: 'date-time' }),
  },
  { title: 'Member', additionalProperties: false },
);
export type Member = Type.Static<typeof Member>;

export const MemberList = Type.Object({ members: Type.Array(Member) }, { additionalProperties: false });
export type MemberList = Type.Static<typeof MemberList>;

/** Path params of `/api/admin/members/{id}` and `/api/admin/invitations/{id}`. */
export const AdminIdParams = Type.Object(
  { id: Type.String({ format: 'uuid', description: 'Opaque id.' }) },
  { additionalProperties: false },
);
export type AdminIdParams = Type.Static<typeof AdminIdParams>;
