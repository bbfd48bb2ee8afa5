import { useEffect } from 'react';

/**
 * Sets the tab's title ("Page · Marquee"), which screen readers announce on navigation, and puts
 * the previous one back on unmount (a dialog closing over a page that stayed mounted) — unless
 * something has set another title since, which is then left alone.
 */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    const previous = document.title;
    const ours = title ? `${title} · Marquee` : 'Marquee';
    document.title = ours;
    return () => {
      if (document.title === ours) document.title = previous;
    };
  }, [title]);
}
