import { useEffect } from 'react';

/**
 * Sets the tab's title ("Page · Marquee"), which screen readers announce on navigation, and puts
 * the previous one back on unmount (a dialog closing over a page that stayed mounted).
 */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    const previous = document.title;
    document.title = title ? `${title} · Marquee` : 'Marquee';
    return () => {
      document.title = previous;
    };
  }, [title]);
}
