import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';

/** Any other path inside the app. */
export default function NotFoundPage() {
  useDocumentTitle('Not found');
  return (
    <section className="page-section empty" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading" className="page-title">
        Page not found
      </h1>
      <p className="empty__hint">
        That page does not exist. <Link to={paths.home}>Back to browsing</Link>
      </p>
    </section>
  );
}
