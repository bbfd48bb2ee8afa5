import { useState } from 'react';
import type { RatingValue, Title } from '@marquee/contracts';
import { ratingIn, useRatings, useSetRating } from '../api/ratings';

const THUMB = 'M7 10v10H4V10h3Zm2 10h7.6a2 2 0 0 0 2-1.6l1.3-6.5A2 2 0 0 0 18 9.5h-4.6l.7-3.7a1.6 1.6 0 0 0-2.9-1.2L9 9.2V20Z';

/**
 * "I like this" / "Not for me": toggle buttons (`aria-pressed`) for the profile's thumbs. Pressing
 * the pressed one takes the rating back. Flips at once; a refusal rolls back and says so.
 */
export function RatingButtons({ title }: { title: Title }) {
  const ratings = useRatings();
  const setRating = useSetRating();
  const [failure, setFailure] = useState<string | null>(null);
  const current = ratingIn(ratings.data, title);

  const press = (rating: RatingValue) => {
    setFailure(null);
    setRating.mutate({ title, rating: current === rating ? null : rating }, { onError: () => setFailure(`Couldn’t save your rating of ${title.title}.`) });
  };

  return (
    <>
      <div className="thumbs" role="group" aria-label="Rate this title">
        {(['up', 'down'] as const).map((rating) => (
          <button
            key={rating}
            type="button"
            className="btn thumbs__button"
            aria-pressed={current === rating}
            onClick={() => press(rating)}
            disabled={ratings.isPending}
            title={rating === 'up' ? 'I like this' : 'Not for me'}
          >
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" className={rating === 'down' ? 'thumbs__down' : undefined}>
              <path d={THUMB} fill={current === rating ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
            </svg>
            <span className="visually-hidden">{rating === 'up' ? 'I like this' : 'Not for me'}</span>
          </button>
        ))}
      </div>
      {failure && (
        <p className="toast" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}
