/**
 * The owner's administration: instance settings (registration policy, default region), the TMDB
 * credential (checked against TMDB, saved server-side, never shown again) and invitations. It also
 * answers registration's question "may this account join?" (the Admission the auth module asks).
 */
import { randomBytes } from 'node:crypto';
import { INVITATION_DAYS, type Invitation, type InstanceSettings, type InvitationBody, type SettingsPatch } from '@marquee/contracts';
import type { Db } from '../../db/database.js';
import { InstanceSettingsStore } from '../../db/instance-settings.js';
import { AppError, conflict, forbidden, notFound } from '../../errors.js';
import { tmdbCredentialKind, verifyTmdbCredential } from '../../integrations/tmdb/tmdb.credential.js';
import { InvitationsRepository, type InvitationRow } from './invitations.repository.js';

export interface AdminServiceDeps {
  db: Db;
  settings: InstanceSettingsStore;
  /** `TMDB_BASE_URL`: where a credential is checked. */
  tmdbBaseUrl: string;
  /** Whether TMDB_API_KEY / TMDB_ACCESS_TOKEN is set: it wins, and the owner cannot change it here. */
  tmdbFromEnvironment: boolean;
  /** Where titles come from right now. */
  catalogSource(): 'tmdb' | 'embedded';
  /** `DEFAULT_REGION`: the region until the owner saves one. */
  defaultRegion: string;
}

/** What the settings answer needs to know of the request that asks. */
export interface RequestTransport {
  insecure: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function toInvitation(row: InvitationRow, now = Date.now()): Invitation {
  const status = row.revokedAt ? 'revoked' : row.usedAt ? 'used' : row.expiresAt.getTime() <= now ? 'expired' : 'pending';
  return {
    id: row.id,
    token: row.token,
    link: `/register?invitation=${encodeURIComponent(row.token)}`,
    status,
    created_at: row.createdAt.toISOString(),
    expires_at: row.expiresAt.toISOString(),
    used_at: row.usedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}

const setByEnvironment = () =>
  conflict('SET_BY_ENVIRONMENT', 'The TMDB credential is set in the server’s environment (TMDB_API_KEY / TMDB_ACCESS_TOKEN), which takes precedence.');

export class AdminService {
  private readonly invitations: InvitationsRepository;

  constructor(private readonly deps: AdminServiceDeps) {
    this.invitations = new InvitationsRepository(deps.db);
  }

  settings(transport: RequestTransport): InstanceSettings {
    const { settings, tmdbFromEnvironment } = this.deps;
    const saved = settings.get('tmdb_credential') !== null;
    return {
      registration: settings.get('registration'),
      default_region: settings.get('default_region') ?? this.deps.defaultRegion,
      tmdb: { connected: tmdbFromEnvironment || saved, source: tmdbFromEnvironment ? 'environment' : saved ? 'settings' : null },
      catalog_source: this.deps.catalogSource(),
      insecure_transport: transport.insecure,
    };
  }

  async updateSettings(patch: SettingsPatch, transport: RequestTransport): Promise<InstanceSettings> {
    if (patch.registration !== undefined) await this.deps.settings.set('registration', patch.registration);
    if (patch.default_region !== undefined) await this.deps.settings.set('default_region', patch.default_region.toUpperCase());
    return this.settings(transport);
  }

  /**
   * Checks the credential with TMDB, then saves it; the catalog switches to TMDB before this answers.
   * 422 TMDB_CREDENTIAL_REJECTED when TMDB refuses it (nothing saved); 503 when TMDB cannot be asked;
   * 409 SET_BY_ENVIRONMENT when the environment holds one.
   */
  async connectTmdb(credential: string, transport: RequestTransport): Promise<InstanceSettings> {
    if (this.deps.tmdbFromEnvironment) throw setByEnvironment();
    const candidate = { kind: tmdbCredentialKind(credential), value: credential };
    if (!(await verifyTmdbCredential(this.deps.tmdbBaseUrl, candidate))) {
      throw new AppError(422, 'TMDB_CREDENTIAL_REJECTED', 'TMDB did not accept this API key or read access token.');
    }
    await this.deps.settings.set('tmdb_credential', candidate);
    return this.settings(transport);
  }

  /** Forgets the saved credential: the catalog goes back to the offline sample. */
  async disconnectTmdb(): Promise<void> {
    if (this.deps.tmdbFromEnvironment) throw setByEnvironment();
    await this.deps.settings.set('tmdb_credential', null);
  }

  async createInvitation(createdBy: string, body: InvitationBody): Promise<Invitation> {
    const days = body.expires_in_days ?? INVITATION_DAYS.default;
    const row = await this.invitations.insert({
      token: randomBytes(32).toString('base64url'),
      createdBy,
      expiresAt: new Date(Date.now() + days * DAY_MS),
    });
    return toInvitation(row);
  }

  async listInvitations(): Promise<Invitation[]> {
    const now = Date.now();
    return (await this.invitations.list()).map((row) => toInvitation(row, now));
  }

  /** Revokes an unused invitation (a used or revoked one is answered as it is); 404 for an unknown id. */
  async revokeInvitation(id: string): Promise<Invitation> {
    const row = await this.invitations.revoke(id);
    if (!row) throw notFound('invitation');
    return toInvitation(row);
  }

  /**
   * Registration's check, inside its transaction: `closed` → 403 REGISTRATION_CLOSED; `invite` →
   * the invitation must be unused, unrevoked and unexpired (else 403 INVITATION_REQUIRED) and is used
   * up; `open` → anyone, and a valid invitation that comes along is used up too.
   */
  async admit(tx: Db, userId: string, invitation: string | undefined): Promise<void> {
    const policy = await InstanceSettingsStore.read(tx, 'registration');
    if (policy === 'closed') throw forbidden('REGISTRATION_CLOSED', 'Registration is closed on this instance.');
    const used = invitation !== undefined && (await new InvitationsRepository(tx).use(invitation, userId));
    if (policy === 'invite' && !used) {
      throw forbidden('INVITATION_REQUIRED', 'Registration needs a valid invitation: this one is missing, used, expired or revoked.');
    }
  }
}
