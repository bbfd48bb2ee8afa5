import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { FIELD_LIMITS } from '@marquee/contracts/fields';
import { env } from '../../../config/env';
import type { DialogLocationState } from '../../../components/ui/title-card';
import { paths, routePatterns } from '../../../lib/paths';
import { useSearchUrl } from './use-search-params';

/**
 * The header's searchbox. Typing updates the URL after a pause (debounced), which is what runs
 * the search: one request per pause, not per keystroke. On narrow screens it sits behind a
 * "Search" button.
 */
export function HeaderSearch() {
  const navigate = useNavigate();
  const location = useLocation();
  const onSearchPage = location.pathname === routePatterns.search;
  // The page beneath a title's dialog: opening a card is not leaving the page.
  const pagePath = ((location.state as DialogLocationState | null)?.background ?? location).pathname;
  const url = useSearchUrl();
  const urlQ = onSearchPage ? url.q : '';
  const [value, setValue] = useState(urlQ);
  const [syncedQ, setSyncedQ] = useState(urlQ);
  const [revealed, setRevealed] = useState(onSearchPage);
  const [revealedOn, setRevealedOn] = useState(pagePath);
  const inputRef = useRef<HTMLInputElement>(null);

  // Another page: a phone's field, opened on the last one, closes (it stays open on the search page).
  if (revealedOn !== pagePath) {
    setRevealedOn(pagePath);
    setRevealed(pagePath === routePatterns.search);
  }

  // The URL changed by other means (back button, a shared link, leaving the page): show its query.
  // Our own debounced navigation writes value.trim(), so the text being typed is left alone.
  if (syncedQ !== urlQ) {
    setSyncedQ(urlQ);
    if (urlQ !== value.trim()) setValue(urlQ);
  }

  const go = (q: string) => navigate(paths.search(q, onSearchPage ? url.genre : null), { replace: onSearchPage });

  useEffect(() => {
    const q = value.trim();
    if (q === urlQ.trim() || (!q && !onSearchPage)) return;
    const timer = setTimeout(() => navigate(paths.search(q, onSearchPage ? url.genre : null), { replace: onSearchPage }), env.searchDebounceMs);
    return () => clearTimeout(timer);
  }, [value, urlQ, onSearchPage, url.genre, navigate]);

  return (
    <div className={`search${revealed ? ' search--revealed' : ''}`}>
      <button
        type="button"
        className="icon-button search__toggle"
        aria-label="Search"
        aria-expanded={revealed}
        onClick={() => {
          setRevealed((r) => !r);
          requestAnimationFrame(() => inputRef.current?.focus());
        }}
      >
        <SearchIcon />
      </button>
      <form
        role="search"
        className="search__form"
        onSubmit={(event) => {
          event.preventDefault();
          go(value.trim());
        }}
      >
        <SearchIcon />
        <input
          ref={inputRef}
          type="search"
          className="search__input"
          aria-label="Search"
          placeholder="Titles, series, genres"
          value={value}
          maxLength={FIELD_LIMITS.searchQuery.max}
          autoComplete="off"
          enterKeyHint="search"
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && value) {
              event.preventDefault();
              setValue('');
            }
          }}
        />
      </form>
    </div>
  );
}

function SearchIcon() {
  return (
    <svg className="search__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M20 20l-4-4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
