import { useId, useState } from 'react';
import type { RegistrationPolicy } from '@marquee/contracts';
import { useUpdateSettings } from '../api/settings';

const CHOICES: { value: RegistrationPolicy; label: string; hint: string }[] = [
  { value: 'open', label: 'Anyone', hint: 'Whoever reaches this server can create an account.' },
  { value: 'invite', label: 'Invited people', hint: 'Only with an invitation link you create below.' },
  { value: 'closed', label: 'Nobody', hint: 'No new accounts. Existing members keep signing in.' },
];

const labelOf = (policy: RegistrationPolicy) => CHOICES.find((choice) => choice.value === policy)?.label ?? policy;

/** "Who can create an account": saved as soon as a choice is made. */
export function RegistrationSection({ policy }: { policy: RegistrationPolicy }) {
  const update = useUpdateSettings();
  const headingId = useId();
  const groupLabelId = useId();
  // The choice being saved, held in React state so the clicked radio stays checked from the click
  // on: the mutation's own pending state arrives a moment later, and until it did React put the
  // controlled radio back to the saved policy.
  const [choosing, setChoosing] = useState<RegistrationPolicy | null>(null);
  const shown = choosing ?? policy;
  return (
    <section className="settings-card" aria-labelledby={headingId}>
      <h2 id={headingId}>Registration</h2>
      <p id={groupLabelId} className="settings-card__lead">
        Who can create an account
      </p>
      <div role="radiogroup" aria-labelledby={groupLabelId} className="choice-list">
        {CHOICES.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name="registration"
              value={choice.value}
              checked={shown === choice.value}
              disabled={update.isPending}
              onChange={() => {
                setChoosing(choice.value);
                update.mutate({ registration: choice.value }, { onSettled: () => setChoosing(null) });
              }}
            />
            <span className="choice__text">
              <span className="choice__label">{choice.label}</span>
              <span className="choice__hint">{choice.hint}</span>
            </span>
          </label>
        ))}
      </div>
      {update.isSuccess && (
        <p className="form-message form-message--success" role="status">
          Saved: {labelOf(update.data.registration)} can create an account.
        </p>
      )}
      {update.isError && (
        <p className="form-message form-message--error" role="alert">
          Couldn’t change who can create an account. Please try again.
        </p>
      )}
    </section>
  );
}
