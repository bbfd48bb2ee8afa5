import type { Title } from '@marquee/contracts';
import { TitleRow } from '../../../components/ui/title-row';
import { useWatchlist } from '../api/get-watchlist';

/** The "My List" row on browse, shown only when the list has titles. */
export function WatchlistRow({ onIntent }: { onIntent?: (title: Title) => void }) {
  const list = useWatchlist();
  if (!list.data || list.data.results.length === 0) return null;
  return <TitleRow heading="My List" titles={list.data.results} isLoading={false} error={null} onRetry={() => void list.refetch()} onIntent={onIntent} />;
}
