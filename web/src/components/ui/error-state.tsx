interface ErrorStateProps {
  message: string;
  onRetry?: () => void;
}

/** A failed load: an `alert` people hear at once, with a "Try again" button that refetches. */
export function ErrorState({ message, onRetry }: ErrorStateProps) {
  return (
    <div className="error-state" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="btn btn--secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
