/** What a page shows while its code loads: a quiet busy placeholder, no spinner flash. */
export function PageFallback() {
  return <div className="page-fallback" aria-busy="true" aria-label="Loading" role="status" />;
}
