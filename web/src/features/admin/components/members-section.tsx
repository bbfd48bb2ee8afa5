import { useId, useState } from 'react';
import type { Member } from '@marquee/contracts';
import { useMemberAction, useMembers, type MemberAction } from '../api/members';

const DONE: Record<MemberAction['action'], string> = {
  disable: 'is disabled and signed out everywhere',
  enable: 'can sign in again',
  delete: 'was deleted with their profiles and lists',
};

/** Everyone with an account: disable, enable or delete members (never the owner). */
export function MembersSection() {
  const headingId = useId();
  const members = useMembers();
  const act = useMemberAction();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);

  const run = (member: Member, action: MemberAction['action']) => {
    setMessage(null);
    act.mutate(
      { id: member.id, action },
      {
        onSuccess: () => setMessage({ kind: 'status', text: `${member.name} ${DONE[action]}.` }),
        onError: () => setMessage({ kind: 'alert', text: `Couldn’t ${action} ${member.name}. Please try again.` }),
        onSettled: () => setConfirming(null),
      },
    );
  };

  return (
    <section className="settings-card" aria-labelledby={headingId} aria-busy={members.isPending}>
      <h2 id={headingId}>Members</h2>
      {message && (
        <p className={`form-message form-message--${message.kind === 'status' ? 'success' : 'error'}`} role={message.kind}>
          {message.text}
        </p>
      )}
      {members.isError && (
        <p className="form-message form-message--error" role="alert">
          Couldn’t load the members.
        </p>
      )}
      <ul className="settings-list" aria-label="Accounts">
        {(members.data?.members ?? []).map((member) => (
          <li key={member.id} className="settings-list__item">
            <div className="settings-list__main">
              <span className="settings-list__name">{member.name}</span>
              {member.role === 'owner' && <span className="badge badge--owner">Owner</span>}
              {member.disabled && <span className="badge badge--revoked">Disabled</span>}
              <span className="settings-list__meta settings-list__email">{member.email}</span>
            </div>
            {member.role !== 'owner' &&
              (confirming === member.id ? (
                <div className="settings-list__confirm">
                  <p>Delete {member.name}? Their profiles and lists go with the account.</p>
                  <div className="settings-list__actions">
                    <button type="button" className="btn btn--danger btn--small" onClick={() => run(member, 'delete')} disabled={act.isPending}>
                      Delete
                    </button>
                    <button type="button" className="btn btn--secondary btn--small" onClick={() => setConfirming(null)}>
                      Cancel
                    </button>
                  </div>
                </div>
              ) : (
                <div className="settings-list__actions">
                  <button type="button" className="btn btn--secondary btn--small" onClick={() => run(member, member.disabled ? 'enable' : 'disable')} disabled={act.isPending}>
                    {member.disabled ? 'Enable' : 'Disable'}
                  </button>
                  <button type="button" className="btn btn--secondary btn--small" onClick={() => setConfirming(member.id)}>
                    Delete
                  </button>
                </div>
              ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
