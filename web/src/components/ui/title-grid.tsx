import type { ReactNode } from 'react';
import type { Title } from '@marquee/contracts';
import { TitleCard } from './title-card';

interface TitleGridProps {
  titles: Title[];
  onIntent?: (title: Title) => void;
  /** Extra controls under each card (e.g. "Remove from My List"). */
  renderActions?: (title: Title) => ReactNode;
  label?: string;
}

const GRID_SIZES = '(min-width: 1600px) 220px, (min-width: 900px) 180px, 30vw';

/** A wrapping grid of cards, as a `list` so screen readers announce how many there are. */
export function TitleGrid({ titles, onIntent, renderActions, label }: TitleGridProps) {
  return (
    <ul className="grid" aria-label={label}>
      {titles.map((title) => (
        <li key={`${title.media_type}-${title.id}`} className="grid__item">
          <TitleCard title={title} onIntent={onIntent} sizes={GRID_SIZES} />
          {renderActions?.(title)}
        </li>
      ))}
    </ul>
  );
}

/** The grid's loading state, same footprint as the real one. */
export function TitleGridSkeleton({ count = 12 }: { count?: number }) {
  return (
    <div className="grid" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="grid__item">
          <div className="title-card skeleton" />
        </div>
      ))}
    </div>
  );
}
