/** Build-time settings of the web app. */
export const env = {
  /** Where the API lives; same origin by default (the server serves the app, Vite proxies `/api` in dev). */
  apiBaseUrl: (import.meta.env.VITE_API_BASE_URL as string | undefined) ?? '',
  /** Refresh the access token this long before it expires, so requests never race the expiry. */
  refreshLeadMs: 60_000,
  /** Typing pause before a search runs. */
  searchDebounceMs: 300,
} as const;
