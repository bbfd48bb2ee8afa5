import { useEffect, useRef, useState } from 'react';

/**
 * Whether an element has come near the viewport (once true, it stays true): sections below the
 * fold start their requests when scrolled to, not with the dialog. Without IntersectionObserver
 * (old browsers, jsdom) everything counts as in view.
 */
export function useInView<T extends Element>(rootMargin = '200px'): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [inView, setInView] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (inView || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setInView(true);
      },
      { rootMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [inView, rootMargin]);
  return [ref, inView];
}
