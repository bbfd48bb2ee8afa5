/** Request and response schemas shared by the server (validation, serialisation, OpenAPI) and the web app (types). */
export * from './common.js';
export * from './fields.js';
export * from './maturity.js';
export * from './profiles.js';
export * from './admin.js';
export * from './auth.js';
export * from './catalog.js';
export * from './watchlist.js';
export * from './discovery.js';
