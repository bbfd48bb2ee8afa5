import type { MouseEvent } from 'react';
import { Link, useLocation } from 'react-router';
import type { Title } from '@marquee/contracts';
import { paths } from '../../lib/paths';
import { rememberOpener } from '../../lib/focus-return';
import { Artwork } from './artwork';

/** Route state carried by links that open the detail dialog over the current page. */
export interface DialogLocationState {
  background?: ReturnType<typeof useLocation>;
  autoplay?: boolean;
}

interface TitleCardProps {
  title: Title;
  /** Roving tabindex inside a row; cards elsewhere are plain tab stops. */
  tabIndex?: number;
  /** Hover or focus: a good moment to prefetch the details. */
  onIntent?: (title: Title) => void;
  onFocus?: () => void;
  sizes?: string;
}

/**
 * A poster that opens the title's detail dialog over the current page. Its accessible name is
 * exactly the title's name, which is how people (and tests) find it.
 */
export function TitleCard({ title, tabIndex, onIntent, onFocus, sizes = '(min-width: 1600px) 240px, (min-width: 900px) 200px, 140px' }: TitleCardProps) {
  const location = useLocation();
  const state: DialogLocationState = { background: location };
  const intent = () => onIntent?.(title);
  return (
    <Link
      to={paths.title(title.media_type, title.id)}
      state={state}
      className="title-card"
      aria-label={title.title}
      tabIndex={tabIndex}
      onMouseEnter={intent}
      onFocus={() => {
        intent();
        onFocus?.();
      }}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => rememberOpener(event.currentTarget)}
      data-card=""
    >
      <Artwork kind="poster" url={title.poster_url} sizes={sizes} fallbackText={title.title} />
    </Link>
  );
}
