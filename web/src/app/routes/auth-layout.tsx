import type { ReactNode } from 'react';
import { CatalogAttribution } from '../../features/catalog/components/catalog-attribution';

/** The signed-out frame: brand, a centred panel over a dark cinematic wash, and the attribution. */
export function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="auth">
      <header className="auth__header">
        <span className="brand brand--static">MARQUEE</span>
      </header>
      <main className="auth__main">
        <div className="auth__panel">{children}</div>
      </main>
      <footer className="footer footer--auth">
        <CatalogAttribution />
      </footer>
    </div>
  );
}
