import { useId, useState, type FormEvent } from 'react';
import type { InstanceSettings } from '@marquee/contracts';
import { Field } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { useTmdbCredential } from '../api/settings';

function failure(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'TMDB_CREDENTIAL_REJECTED') return 'TMDB did not accept this key or token. Check it on themoviedb.org (Settings → API) and try again.';
    if (error.code === 'SET_BY_ENVIRONMENT') return 'The credential is set in the server’s environment, which takes precedence.';
    if (error.code === 'UPSTREAM_UNAVAILABLE') return 'TMDB could not be reached to check the key. Try again in a moment.';
  }
  return 'Couldn’t save the TMDB connection. Please try again.';
}

/** The TMDB connection: a write-only credential field; only whether one is set is ever shown. */
export function TmdbSection({ settings }: { settings: InstanceSettings }) {
  const headingId = useId();
  const tmdb = useTmdbCredential();
  const [credential, setCredential] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const fromEnvironment = settings.tmdb.source === 'environment';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const value = credential.trim();
    if (!value) {
      setError('Paste your TMDB API key or read access token.');
      return;
    }
    setError(null);
    tmdb.mutate(value, {
      onSuccess: () => {
        setCredential('');
        setDone('TMDB connected: the catalog now shows TMDB’s titles, posters and trailers.');
      },
    });
  };
  const disconnect = () => {
    setDone(null);
    tmdb.mutate(null, { onSuccess: () => setDone('TMDB disconnected: the offline sample catalog is showing.') });
  };

  return (
    <section className="settings-card" aria-labelledby={headingId}>
      <h2 id={headingId}>TMDB</h2>
      <p className="settings-card__lead">
        {fromEnvironment
          ? 'Connected with the credential in the server’s environment (TMDB_API_KEY / TMDB_ACCESS_TOKEN).'
          : settings.tmdb.connected
            ? 'Connected. The saved credential is kept on the server and never shown again.'
            : 'Not connected: Marquee shows its offline sample catalog. Connect TMDB for real posters, trailers and daily trending.'}
      </p>
      {!fromEnvironment && (
        <form className="tmdb-form" noValidate onSubmit={submit}>
          <Field
            label="TMDB API key or read access token"
            name="tmdb_credential"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={credential}
            onChange={(event) => setCredential(event.target.value)}
            error={error}
            hint={settings.tmdb.connected ? 'A new one replaces the saved one.' : 'Checked with TMDB before it is saved.'}
          />
          <div className="settings-list__actions">
            <button type="submit" className="btn btn--primary" disabled={tmdb.isPending}>
              Connect
            </button>
            {settings.tmdb.connected && (
              <button type="button" className="btn btn--secondary" onClick={disconnect} disabled={tmdb.isPending}>
                Disconnect
              </button>
            )}
          </div>
        </form>
      )}
      {done && (
        <p className="form-message form-message--success" role="status">
          {done}
        </p>
      )}
      {tmdb.isError && (
        <p className="form-message form-message--error" role="alert">
          {failure(tmdb.error)}
        </p>
      )}
    </section>
  );
}
