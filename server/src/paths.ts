/**
 * Files the server reads at run time, found from the server's own folder. This module sits one
 * level below it both as source (`src/paths.ts`) and inside the built bundle (`dist/main.js`), so
 * the same relative address holds for `npm run dev`, the tests and `npm start`.
 */
import { fileURLToPath } from 'node:url';

const serverFolder = new URL('..', import.meta.url);

/** Drizzle's SQL migrations and their journal. */
export const migrationsFolder = fileURLToPath(new URL('drizzle', serverFolder));

/** The offline catalog (titles, genres, artwork), derived by `npm run catalog:derive`. */
export const embeddedCatalogFile = new URL('assets/embedded-catalog.json', serverFolder);

/** The web app's build, served beside the API unless `WEB_DIST` says otherwise. */
export const webDistFolder = fileURLToPath(new URL('../web/dist', serverFolder));
