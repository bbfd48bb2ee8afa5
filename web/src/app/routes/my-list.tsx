import { WatchlistGrid } from '../../features/watchlist/components/watchlist-grid';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useTitleIntent } from './use-title-intent';

/** `/my-list`: the watchlist as a grid. */
export default function MyListPage() {
  useDocumentTitle('My List');
  const onIntent = useTitleIntent();
  return <WatchlistGrid onIntent={onIntent} />;
}
