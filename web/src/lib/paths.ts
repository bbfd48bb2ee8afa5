import type { MediaType } from '@marquee/contracts';

/** The one registry of the app's client-side routes (UI.md), so links and redirects never drift apart. */
export const paths = {
  home: '/',
  login: '/login',
  register: '/register',
  myList: '/my-list',
  profile: '/profile',
  profiles: '/profiles',
  manageProfiles: '/profiles/manage',
  settings: '/settings',
  search: (q = '', genre?: number | null) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (genre) params.set('genre', String(genre));
    const query = params.toString();
    return query ? `/search?${query}` : '/search';
  },
  title: (mediaType: MediaType, id: number) => `/title/${mediaType}/${id}`,
} as const;

/** Route patterns for the router, matching `paths`. */
export const routePatterns = {
  search: '/search',
  title: '/title/:mediaType/:id',
} as const;
