/**
 * The first account of an instance is its owner. Each run's servers start on a fresh database, so
 * the owner is registered here, before any journey: the journeys' own accounts are then members,
 * whatever order they run in, and `settings.spec.ts` signs in as this owner.
 */
import { OWNER } from './owner';
import { baseURL, devBaseURL } from './ports';

export default async function globalSetup(): Promise<void> {
  for (const origin of [baseURL, devBaseURL]) {
    const response = await fetch(`${origin}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(OWNER),
    });
    if (response.status !== 201) throw new Error(`registering the owner at ${origin} answered ${response.status}`);
    await response.body?.cancel();
  }
}
