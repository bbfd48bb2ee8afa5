import type { Title } from '@marquee/contracts';
import { TitleRow } from '../../../components/ui/title-row';
import { usePopular } from '../api/get-popular';
import { useTrending } from '../api/get-trending';
import { useGenreTitles } from '../api/get-genre-titles';

interface RowProps {
  onIntent?: (title: Title) => void;
}

/** "Popular": popular movies. */
export function PopularRow({ onIntent }: RowProps) {
  const query = usePopular();
  return <TitleRow heading="Popular" titles={query.data?.results} isLoading={query.isPending} error={query.error} onRetry={() => void query.refetch()} onIntent={onIntent} />;
}

/** "Trending Now": this week's trending movies and shows. */
export function TrendingRow({ onIntent }: RowProps) {
  const query = useTrending('week');
  return <TitleRow heading="Trending Now" titles={query.data?.results} isLoading={query.isPending} error={query.error} onRetry={() => void query.refetch()} onIntent={onIntent} />;
}

/** One genre's row, named by the genre. */
export function GenreRow({ genreId, name, onIntent }: RowProps & { genreId: number; name: string }) {
  const query = useGenreTitles(genreId);
  return <TitleRow heading={name} titles={query.data?.results} isLoading={query.isPending} error={query.error} onRetry={() => void query.refetch()} onIntent={onIntent} />;
}
