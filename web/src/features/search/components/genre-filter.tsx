import type { Genre } from '@marquee/contracts';

interface GenreFilterProps {
  genres: Genre[] | undefined;
  value: number | null;
  onChange: (genre: number | null) => void;
}

/** A native select named "Genre" (a `combobox`): "All genres" plus the catalog's genres. */
export function GenreFilter({ genres, value, onChange }: GenreFilterProps) {
  return (
    <div className="select">
      <label htmlFor="genre-filter" className="visually-hidden">
        Genre
      </label>
      <select
        id="genre-filter"
        className="select__input"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}
        aria-busy={!genres || undefined}
      >
        <option value="">All genres</option>
        {genres?.map((genre) => (
          <option key={genre.id} value={genre.id}>
            {genre.name}
          </option>
        ))}
      </select>
    </div>
  );
}
