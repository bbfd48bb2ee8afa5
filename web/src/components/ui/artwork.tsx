import { backdropSrc, backdropSrcSet, posterSrcSet } from '@marquee/contracts/artwork';

interface ArtworkProps {
  kind: 'poster' | 'backdrop';
  url: string | null;
  /** Layout width hint for the browser's srcset choice. */
  sizes: string;
  /** Above-the-fold artwork loads eagerly with high priority (it is usually the LCP element). */
  priority?: boolean;
  className?: string;
  /** Shown in the placeholder when there is no image. */
  fallbackText?: string;
}

/**
 * Poster or backdrop image with a fixed aspect ratio set by its container (no layout shift),
 * lazy-loaded unless it is the page's hero. Decorative: the surrounding link or heading names it.
 */
export function Artwork({ kind, url, sizes, priority = false, className, fallbackText }: ArtworkProps) {
  const classes = `artwork artwork--${kind}${className ? ` ${className}` : ''}`;
  if (!url) {
    return (
      <div className={`${classes} artwork--empty`} aria-hidden="true">
        <span>{fallbackText}</span>
      </div>
    );
  }
  const srcSet = kind === 'poster' ? posterSrcSet(url) : backdropSrcSet(url);
  return (
    <img
      className={classes}
      src={kind === 'backdrop' ? backdropSrc(url) : url}
      srcSet={srcSet}
      sizes={srcSet ? sizes : undefined}
      alt=""
      loading={priority ? 'eager' : 'lazy'}
      decoding={priority ? 'sync' : 'async'}
      fetchPriority={priority ? 'high' : 'auto'}
      draggable={false}
    />
  );
}
