/** The owner account registered by `global-setup.ts` on every server of the run. */
export const OWNER = { name: 'Olive Owner', email: 'owner@example.com', password: 'correct horse battery owner' } as const;
