import type { Title } from '@marquee/contracts';
import { TitleRow } from '../../../components/ui/title-row';
import { useRecommendations } from '../api/get-recommendations';

/**
 * The rows made for the profile ("Because you liked …" / "Because you added …"), each a `region`
 * named by its heading. Nothing shows while they load or when there are none: they are extras, and
 * the page must not jump for rows that may not come.
 */
export default function PersonalRows({ onIntent }: { onIntent?: (title: Title) => void }) {
  const query = useRecommendations();
  return (
    <>
      {(query.data?.rows ?? []).map((row) => (
        <TitleRow key={row.id} heading={row.title} titles={row.results} isLoading={false} error={null} onRetry={() => void query.refetch()} onIntent={onIntent} />
      ))}
    </>
  );
}
