import { Link } from 'react-router';
import { useCatalogInfo } from '../api/get-catalog-info';

/** For the owner, while the offline sample catalog is showing: where to connect TMDB. */
export function OfflineCatalogNotice({ settingsPath }: { settingsPath: string }) {
  const info = useCatalogInfo();
  if (info.data?.source !== 'embedded') return null;
  return (
    <p className="footer__notice" role="note">
      You're browsing the offline sample catalog — <Link to={settingsPath}>connect TMDB</Link> for real posters, trailers and daily trending.
    </p>
  );
}
