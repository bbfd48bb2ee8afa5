import { act } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { watchlistQueryKey } from '../features/watchlist/api/get-watchlist';
import { endSession, startSession } from '../lib/api-client';
import { readShellLevel } from '../lib/shell-cookie';
import { installFakeApi, makeProfile, makeTokens, makeUser } from '../test/fake-api';
import { renderWithApp } from '../test/render';

describe('app providers and the session', () => {
  beforeEach(() => {
    act(() => endSession());
  });

  it('the shell cookie follows the profile’s maturity level and is cleared on sign-out', () => {
    installFakeApi({});
    renderWithApp(<p>app</p>);
    act(() => startSession(makeTokens('t1', makeUser(), makeProfile({ maturity: 'all' }))));
    expect(readShellLevel()).toBe('all');
    act(() => startSession(makeTokens('t2', makeUser(), makeProfile({ id: 'p-2', kids: true, maturity: 'little_kids', owner: false }))));
    expect(readShellLevel()).toBe('little_kids');
    act(() => endSession());
    expect(readShellLevel()).toBeNull();
    expect(document.cookie).not.toContain('marquee_shell');
  });

  it('switching profile drops the other profile’s My List but keeps catalog answers (kept apart by level)', () => {
    installFakeApi({});
    const { queryClient } = renderWithApp(<p>app</p>);
    act(() => startSession(makeTokens('t1', makeUser(), makeProfile())));
    queryClient.setQueryData(watchlistQueryKey, { results: [], total_results: 0 });
    queryClient.setQueryData(['catalog', 'all', 'popular', 1], { page: 1 });
    act(() => startSession(makeTokens('t2', makeUser(), makeProfile({ id: 'p-2', maturity: 'teens', owner: false }))));
    expect(queryClient.getQueryData(watchlistQueryKey)).toBeUndefined();
    expect(queryClient.getQueryData(['catalog', 'all', 'popular', 1])).toEqual({ page: 1 });
  });
});
