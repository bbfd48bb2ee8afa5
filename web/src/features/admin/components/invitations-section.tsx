import { useId, useState } from 'react';
import type { Invitation } from '@marquee/contracts';
import { useInvitationActions, useInvitations } from '../api/invitations';

const STATUS: Record<Invitation['status'], string> = { pending: 'Waiting', used: 'Used', expired: 'Expired', revoked: 'Revoked' };

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** The full link of an invitation, on this server's address. */
const absoluteLink = (invitation: Invitation) => new URL(invitation.link, window.location.origin).href;

/**
 * Copies text. The Clipboard API exists only in secure contexts; on a plain-HTTP home network the
 * link's read-only field is selected and copied the older way.
 */
async function copy(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to selecting the field.
  }
  if (!field) return false;
  field.focus();
  field.select();
  return document.execCommand('copy');
}

/** Invitation links: create one, copy it, revoke it. */
export function InvitationsSection({ registrationPolicy }: { registrationPolicy: string }) {
  const headingId = useId();
  const invitations = useInvitations();
  const { create, revoke } = useInvitationActions();
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);

  const onCreate = () => {
    setMessage(null);
    create.mutate(undefined, {
      onSuccess: () => setMessage({ kind: 'status', text: 'Invitation created. Copy its link and send it to the person you invite.' }),
      onError: () => setMessage({ kind: 'alert', text: 'Couldn’t create an invitation. Please try again.' }),
    });
  };
  const onRevoke = (invitation: Invitation) => {
    setMessage(null);
    revoke.mutate(invitation.id, {
      onSuccess: () => setMessage({ kind: 'status', text: 'Invitation revoked: its link no longer works.' }),
      onError: () => setMessage({ kind: 'alert', text: 'Couldn’t revoke the invitation. Please try again.' }),
    });
  };
  const onCopy = async (invitation: Invitation, field: HTMLInputElement | null) => {
    const copied = await copy(absoluteLink(invitation), field);
    setMessage(copied ? { kind: 'status', text: 'Link copied.' } : { kind: 'alert', text: 'Couldn’t copy the link: select it and copy it by hand.' });
  };

  const list = invitations.data?.invitations ?? [];
  return (
    <section className="settings-card" aria-labelledby={headingId} aria-busy={invitations.isPending}>
      <h2 id={headingId}>Invitations</h2>
      <p className="settings-card__lead">
        A link lets one person create an account, once, within 7 days.
        {registrationPolicy !== 'invite' && ' Links work whatever the registration setting, except when nobody can create an account.'}
      </p>
      <button type="button" className="btn btn--primary" onClick={onCreate} disabled={create.isPending}>
        Create invitation
      </button>
      {message && (
        <p className={`form-message form-message--${message.kind === 'status' ? 'success' : 'error'}`} role={message.kind}>
          {message.text}
        </p>
      )}
      {invitations.isError && (
        <p className="form-message form-message--error" role="alert">
          Couldn’t load the invitations.
        </p>
      )}
      {list.length > 0 && (
        <ul className="settings-list" aria-label="Invitation links">
          {list.map((invitation) => (
            <InvitationItem key={invitation.id} invitation={invitation} onCopy={onCopy} onRevoke={onRevoke} />
          ))}
        </ul>
      )}
    </section>
  );
}

function InvitationItem({
  invitation,
  onCopy,
  onRevoke,
}: {
  invitation: Invitation;
  onCopy: (invitation: Invitation, field: HTMLInputElement | null) => Promise<void>;
  onRevoke: (invitation: Invitation) => void;
}) {
  const [field, setField] = useState<HTMLInputElement | null>(null);
  const pending = invitation.status === 'pending';
  const when = pending ? `expires ${dateFormat.format(new Date(invitation.expires_at))}` : `created ${dateFormat.format(new Date(invitation.created_at))}`;
  return (
    <li className={`settings-list__item${pending ? '' : ' settings-list__item--done'}`}>
      <div className="settings-list__main">
        <span className={`badge badge--${invitation.status}`}>{STATUS[invitation.status]}</span>
        <span className="settings-list__meta">{when}</span>
      </div>
      {pending && (
        <>
          <input ref={setField} className="field__input invite-link" readOnly value={absoluteLink(invitation)} aria-label="Invitation link" />
          <div className="settings-list__actions">
            <button type="button" className="btn btn--secondary btn--small" onClick={() => void onCopy(invitation, field)}>
              Copy link
            </button>
            <button type="button" className="btn btn--secondary btn--small" onClick={() => onRevoke(invitation)}>
              Revoke
            </button>
          </div>
        </>
      )}
    </li>
  );
}
