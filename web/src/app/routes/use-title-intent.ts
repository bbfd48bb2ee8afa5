import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Title } from '@marquee/contracts';
import type * as TitleDialogRoute from './title-dialog';

let dialogChunk: Promise<typeof TitleDialogRoute> | null = null;

/**
 * Hover or focus on a card: fetch the dialog's code and the title's details ahead of the click, so
 * the dialog opens filled. The details' query comes with the dialog's chunk (no page needs it
 * before a card is about to be opened). `prefetchQuery` honours `staleTime`, so sweeping across a
 * row costs one request per title at most.
 */
export function useTitleIntent(): (title: Title) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (title: Title) => {
      const chunk = (dialogChunk ??= import('./title-dialog'));
      chunk.then(
        ({ prefetchTitle }) => prefetchTitle(queryClient, title),
        () => {
          // Offline a moment: the next intent tries again (and the click shows its own error).
          dialogChunk = null;
        },
      );
    },
    [queryClient],
  );
}
