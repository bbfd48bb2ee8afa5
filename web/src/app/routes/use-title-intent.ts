import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Title } from '@marquee/contracts';
import { titleDetailsQuery } from '../../features/title-details/api/get-title-details';
import { catalogLevel } from '../../lib/maturity-level';

let dialogChunk: Promise<unknown> | null = null;

/**
 * Hover or focus on a card: fetch its details and the dialog's code ahead of the click, so the
 * dialog opens filled. `prefetchQuery` honours `staleTime`, so sweeping across a row costs one
 * request per title at most.
 */
export function useTitleIntent(): (title: Title) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (title: Title) => {
      dialogChunk ??= import('./title-dialog');
      const { level, ready } = catalogLevel();
      if (ready) void queryClient.prefetchQuery(titleDetailsQuery(level, title.media_type, title.id));
    },
    [queryClient],
  );
}
