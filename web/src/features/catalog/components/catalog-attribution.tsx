import { useCatalogInfo } from '../api/get-catalog-info';

/** The catalog's attribution (TMDB's notice, or the offline sample-data notice). */
export function CatalogAttribution() {
  const info = useCatalogInfo();
  if (!info.data) return null;
  return <p className="footer__attribution">{info.data.attribution}</p>;
}
