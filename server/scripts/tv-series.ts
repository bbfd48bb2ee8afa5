/**
 * Facts about real TV series for the embedded catalog: names, first air dates, TMDB TV genre ids,
 * season counts, typical episode runtimes, creators and networks. Facts only — the derivation
 * script composes every overview from them. `rating` (0…10) and `votes` are plausible audience
 * figures chosen on the same scale as the films' IMDb votes, so popularity compares fairly when
 * trending mixes films and series.
 *
 * TMDB TV genre ids: 10759 Action & Adventure, 16 Animation, 35 Comedy, 80 Crime, 99 Documentary,
 * 18 Drama, 10751 Family, 10762 Kids, 9648 Mystery, 10764 Reality, 10765 Sci-Fi & Fantasy,
 * 10768 War & Politics, 37 Western.
 */

export interface TvSeriesFact {
  name: string;
  /** First air date, `YYYY-MM-DD`. */
  firstAirDate: string;
  /** TMDB TV genre ids, the primary genre first. */
  genres: number[];
  seasons: number;
  /** Typical episode runtime in minutes. */
  runtime: number;
  /** The US TV Parental Guidelines rating (TV-Y … TV-MA). */
  certification: 'TV-Y' | 'TV-Y7' | 'TV-Y7-FV' | 'TV-G' | 'TV-PG' | 'TV-14' | 'TV-MA';
  rating: number;
  votes: number;
  creators: string[];
  network: string;
  /** Set when the series ran as a limited (one-season) miniseries. */
  miniseries?: boolean;
}

export const TV_SERIES: readonly TvSeriesFact[] = [
  { name: 'Breaking Bad', firstAirDate: '2008-01-20', genres: [18, 80], seasons: 5, runtime: 47, certification: 'TV-MA', rating: 9.0, votes: 540000, creators: ['Vince Gilligan'], network: 'AMC' },
  { name: 'Better Call Saul', firstAirDate: '2015-02-08', genres: [80, 18], seasons: 6, runtime: 46, certification: 'TV-MA', rating: 8.7, votes: 180000, creators: ['Vince Gilligan', 'Peter Gould'], network: 'AMC' },
  { name: 'Game of Thrones', firstAirDate: '2011-04-17', genres: [10765, 18, 10759], seasons: 8, runtime: 57, certification: 'TV-MA', rating: 8.5, votes: 610000, creators: ['David Benioff', 'D. B. Weiss'], network: 'HBO' },
  { name: 'The Sopranos', firstAirDate: '1999-01-10', genres: [18, 80], seasons: 6, runtime: 55, certification: 'TV-MA', rating: 8.6, votes: 260000, creators: ['David Chase'], network: 'HBO' },
  { name: 'The Wire', firstAirDate: '2002-06-02', genres: [80, 18], seasons: 5, runtime: 59, certification: 'TV-MA', rating: 8.6, votes: 230000, creators: ['David Simon'], network: 'HBO' },
  { name: 'Deadwood', firstAirDate: '2004-03-21', genres: [37, 18, 80], seasons: 3, runtime: 55, certification: 'TV-MA', rating: 8.1, votes: 75000, creators: ['David Milch'], network: 'HBO' },
  { name: 'Band of Brothers', firstAirDate: '2001-09-09', genres: [10768, 18, 10759], seasons: 1, runtime: 60, certification: 'TV-MA', rating: 8.9, votes: 270000, creators: ['Tom Hanks', 'Steven Spielberg'], network: 'HBO', miniseries: true },
  { name: 'Generation Kill', firstAirDate: '2008-07-13', genres: [10768, 18], seasons: 1, runtime: 65, certification: 'TV-MA', rating: 8.0, votes: 30000, creators: ['David Simon', 'Ed Burns'], network: 'HBO', miniseries: true },
  { name: 'Chernobyl', firstAirDate: '2019-05-06', genres: [18], seasons: 1, runtime: 65, certification: 'TV-MA', rating: 8.7, votes: 190000, creators: ['Craig Mazin'], network: 'HBO', miniseries: true },
  { name: 'Succession', firstAirDate: '2018-06-03', genres: [18, 35], seasons: 4, runtime: 62, certification: 'TV-MA', rating: 8.3, votes: 120000, creators: ['Jesse Armstrong'], network: 'HBO' },
  { name: 'The Last of Us', firstAirDate: '2023-01-15', genres: [18, 10765, 10759], seasons: 2, runtime: 55, certification: 'TV-MA', rating: 8.6, votes: 160000, creators: ['Craig Mazin', 'Neil Druckmann'], network: 'HBO' },
  { name: 'Westworld', firstAirDate: '2016-10-02', genres: [37, 10765, 18], seasons: 4, runtime: 62, certification: 'TV-MA', rating: 8.0, votes: 190000, creators: ['Jonathan Nolan', 'Lisa Joy'], network: 'HBO' },
  { name: 'True Detective', firstAirDate: '2014-01-12', genres: [18, 80, 9648], seasons: 4, runtime: 58, certification: 'TV-MA', rating: 8.2, votes: 170000, creators: ['Nic Pizzolatto'], network: 'HBO' },
  { name: 'Friends', firstAirDate: '1994-09-22', genres: [35], seasons: 10, runtime: 22, certification: 'TV-14', rating: 8.4, votes: 330000, creators: ['David Crane', 'Marta Kauffman'], network: 'NBC' },
  { name: 'Seinfeld', firstAirDate: '1989-07-05', genres: [35], seasons: 9, runtime: 22, certification: 'TV-PG', rating: 8.3, votes: 170000, creators: ['Larry David', 'Jerry Seinfeld'], network: 'NBC' },
  { name: 'The Office', firstAirDate: '2005-03-24', genres: [35], seasons: 9, runtime: 22, certification: 'TV-14', rating: 8.5, votes: 250000, creators: ['Greg Daniels'], network: 'NBC' },
  { name: 'Parks and Recreation', firstAirDate: '2009-04-09', genres: [35], seasons: 7, runtime: 22, certification: 'TV-14', rating: 8.0, votes: 110000, creators: ['Greg Daniels', 'Michael Schur'], network: 'NBC' },
  { name: 'Cheers', firstAirDate: '1982-09-30', genres: [35], seasons: 11, runtime: 25, certification: 'TV-PG', rating: 7.9, votes: 50000, creators: ['Glen Charles', 'Les Charles', 'James Burrows'], network: 'NBC' },
  { name: 'Frasier', firstAirDate: '1993-09-16', genres: [35], seasons: 11, runtime: 22, certification: 'TV-PG', rating: 8.1, votes: 75000, creators: ['David Angell', 'Peter Casey', 'David Lee'], network: 'NBC' },
  { name: 'The West Wing', firstAirDate: '1999-09-22', genres: [18, 10768], seasons: 7, runtime: 44, certification: 'TV-PG', rating: 8.0, votes: 80000, creators: ['Aaron Sorkin'], network: 'NBC' },
  { name: 'Columbo', firstAirDate: '1971-09-15', genres: [80, 9648, 18], seasons: 10, runtime: 90, certification: 'TV-PG', rating: 8.1, votes: 40000, creators: ['Richard Levinson', 'William Link'], network: 'NBC' },
  { name: 'Bonanza', firstAirDate: '1959-09-12', genres: [37, 18, 10751], seasons: 14, runtime: 50, certification: 'TV-G', rating: 7.4, votes: 15000, creators: ['David Dortort'], network: 'NBC' },
  { name: 'Star Trek', firstAirDate: '1966-09-08', genres: [10765, 10759], seasons: 3, runtime: 50, certification: 'TV-PG', rating: 8.0, votes: 90000, creators: ['Gene Roddenberry'], network: 'NBC' },
  { name: 'Star Trek: The Next Generation', firstAirDate: '1987-09-28', genres: [10765, 10759, 18], seasons: 7, runtime: 44, certification: 'TV-PG', rating: 8.3, votes: 140000, creators: ['Gene Roddenberry'], network: 'Syndication' },
  { name: 'Star Trek: Deep Space Nine', firstAirDate: '1993-01-03', genres: [10765, 10759, 18], seasons: 7, runtime: 45, certification: 'TV-PG', rating: 8.1, votes: 70000, creators: ['Rick Berman', 'Michael Piller'], network: 'Syndication' },
  { name: 'The Twilight Zone', firstAirDate: '1959-10-02', genres: [10765, 9648, 18], seasons: 5, runtime: 25, certification: 'TV-PG', rating: 8.5, votes: 90000, creators: ['Rod Serling'], network: 'CBS' },
  { name: 'M*A*S*H', firstAirDate: '1972-09-17', genres: [35, 18, 10768], seasons: 11, runtime: 25, certification: 'TV-PG', rating: 8.3, votes: 75000, creators: ['Larry Gelbart'], network: 'CBS' },
  { name: 'Gunsmoke', firstAirDate: '1955-09-10', genres: [37, 18], seasons: 20, runtime: 50, certification: 'TV-PG', rating: 7.6, votes: 10000, creators: ['Charles Marquis Warren'], network: 'CBS' },
  { name: 'Lonesome Dove', firstAirDate: '1989-02-05', genres: [37, 18, 10759], seasons: 1, runtime: 90, certification: 'TV-14', rating: 8.6, votes: 35000, creators: ['William D. Wittliff'], network: 'CBS', miniseries: true },
  { name: 'How I Met Your Mother', firstAirDate: '2005-09-19', genres: [35], seasons: 9, runtime: 22, certification: 'TV-14', rating: 8.2, votes: 190000, creators: ['Carter Bays', 'Craig Thomas'], network: 'CBS' },
  { name: 'The Big Bang Theory', firstAirDate: '2007-09-24', genres: [35], seasons: 12, runtime: 22, certification: 'TV-PG', rating: 8.0, votes: 220000, creators: ['Chuck Lorre', 'Bill Prady'], network: 'CBS' },
  { name: 'Survivor', firstAirDate: '2000-05-31', genres: [10764], seasons: 47, runtime: 43, certification: 'TV-PG', rating: 7.4, votes: 20000, creators: ['Charlie Parsons'], network: 'CBS' },
  { name: 'Lost', firstAirDate: '2004-09-22', genres: [10759, 9648, 18, 10765], seasons: 6, runtime: 43, certification: 'TV-14', rating: 8.3, votes: 290000, creators: ['J. J. Abrams', 'Damon Lindelof', 'Jeffrey Lieber'], network: 'ABC' },
  { name: 'Twin Peaks', firstAirDate: '1990-04-08', genres: [9648, 18, 80], seasons: 3, runtime: 47, certification: 'TV-14', rating: 8.7, votes: 110000, creators: ['David Lynch', 'Mark Frost'], network: 'ABC' },
  { name: "Grey's Anatomy", firstAirDate: '2005-03-27', genres: [18], seasons: 21, runtime: 43, certification: 'TV-14', rating: 7.6, votes: 170000, creators: ['Shonda Rhimes'], network: 'ABC' },
  { name: 'The X-Files', firstAirDate: '1993-09-10', genres: [9648, 10765, 18], seasons: 11, runtime: 44, certification: 'TV-14', rating: 8.6, votes: 150000, creators: ['Chris Carter'], network: 'Fox' },
  { name: 'The Simpsons', firstAirDate: '1989-12-17', genres: [16, 35, 10751], seasons: 35, runtime: 22, certification: 'TV-PG', rating: 8.7, votes: 280000, creators: ['Matt Groening'], network: 'Fox' },
  { name: 'House', firstAirDate: '2004-11-16', genres: [18, 9648, 35], seasons: 8, runtime: 44, certification: 'TV-14', rating: 8.7, votes: 250000, creators: ['David Shore'], network: 'Fox' },
  { name: 'Arrested Development', firstAirDate: '2003-11-02', genres: [35], seasons: 5, runtime: 22, certification: 'TV-14', rating: 8.7, votes: 160000, creators: ['Mitchell Hurwitz'], network: 'Fox' },
  { name: 'Firefly', firstAirDate: '2002-09-20', genres: [37, 10765, 18, 10759], seasons: 1, runtime: 44, certification: 'TV-14', rating: 8.9, votes: 160000, creators: ['Joss Whedon'], network: 'Fox' },
  { name: 'Buffy the Vampire Slayer', firstAirDate: '1997-03-10', genres: [10765, 18, 10759], seasons: 7, runtime: 44, certification: 'TV-14', rating: 8.3, votes: 90000, creators: ['Joss Whedon'], network: 'The WB' },
  { name: 'Cosmos: A Spacetime Odyssey', firstAirDate: '2014-03-09', genres: [99], seasons: 1, runtime: 44, certification: 'TV-PG', rating: 9.2, votes: 60000, creators: ['Ann Druyan', 'Steven Soter'], network: 'Fox' },
  { name: 'Mad Men', firstAirDate: '2007-07-19', genres: [18], seasons: 7, runtime: 47, certification: 'TV-14', rating: 8.7, votes: 150000, creators: ['Matthew Weiner'], network: 'AMC' },
  { name: 'The Walking Dead', firstAirDate: '2010-10-31', genres: [10759, 18, 10765], seasons: 11, runtime: 43, certification: 'TV-MA', rating: 8.1, votes: 330000, creators: ['Frank Darabont'], network: 'AMC' },
  { name: 'Dexter', firstAirDate: '2006-10-01', genres: [80, 18, 9648], seasons: 8, runtime: 51, certification: 'TV-MA', rating: 8.6, votes: 250000, creators: ['James Manos Jr.'], network: 'Showtime' },
  { name: 'Fargo', firstAirDate: '2014-04-15', genres: [80, 18, 35], seasons: 5, runtime: 53, certification: 'TV-MA', rating: 8.9, votes: 130000, creators: ['Noah Hawley'], network: 'FX' },
  { name: 'Shōgun', firstAirDate: '2024-02-27', genres: [18, 10768], seasons: 1, runtime: 60, certification: 'TV-MA', rating: 8.6, votes: 60000, creators: ['Rachel Kondo', 'Justin Marks'], network: 'FX' },
  { name: 'Battlestar Galactica', firstAirDate: '2004-10-18', genres: [10765, 10759, 18], seasons: 4, runtime: 44, certification: 'TV-14', rating: 8.7, votes: 110000, creators: ['Ronald D. Moore'], network: 'Sci Fi' },
  { name: 'The Expanse', firstAirDate: '2015-12-14', genres: [10765, 18, 9648], seasons: 6, runtime: 43, certification: 'TV-14', rating: 8.5, votes: 110000, creators: ['Mark Fergus', 'Hawk Ostby'], network: 'Syfy' },
  { name: 'Stranger Things', firstAirDate: '2016-07-15', genres: [18, 10765, 9648], seasons: 4, runtime: 51, certification: 'TV-14', rating: 8.7, votes: 300000, creators: ['Matt Duffer', 'Ross Duffer'], network: 'Netflix' },
  { name: 'The Crown', firstAirDate: '2016-11-04', genres: [18], seasons: 6, runtime: 58, certification: 'TV-MA', rating: 8.6, votes: 130000, creators: ['Peter Morgan'], network: 'Netflix' },
  { name: 'House of Cards', firstAirDate: '2013-02-01', genres: [18], seasons: 6, runtime: 51, certification: 'TV-MA', rating: 8.6, votes: 200000, creators: ['Beau Willimon'], network: 'Netflix' },
  { name: 'Narcos', firstAirDate: '2015-08-28', genres: [80, 18], seasons: 3, runtime: 50, certification: 'TV-MA', rating: 8.8, votes: 150000, creators: ['Chris Brancato', 'Carlo Bernard', 'Doug Miro'], network: 'Netflix' },
  { name: 'Dark', firstAirDate: '2017-12-01', genres: [80, 18, 10765, 9648], seasons: 3, runtime: 55, certification: 'TV-MA', rating: 8.7, votes: 140000, creators: ['Baran bo Odar', 'Jantje Friese'], network: 'Netflix' },
  { name: "The Queen's Gambit", firstAirDate: '2020-10-23', genres: [18], seasons: 1, runtime: 60, certification: 'TV-MA', rating: 8.5, votes: 160000, creators: ['Scott Frank', 'Allan Scott'], network: 'Netflix', miniseries: true },
  { name: 'BoJack Horseman', firstAirDate: '2014-08-22', genres: [16, 35, 18], seasons: 6, runtime: 25, certification: 'TV-MA', rating: 8.8, votes: 90000, creators: ['Raphael Bob-Waksberg'], network: 'Netflix' },
  { name: 'Black Mirror', firstAirDate: '2011-12-04', genres: [10765, 18, 9648], seasons: 7, runtime: 60, certification: 'TV-MA', rating: 8.7, votes: 220000, creators: ['Charlie Brooker'], network: 'Channel 4' },
  { name: 'Making a Murderer', firstAirDate: '2015-12-18', genres: [99, 80], seasons: 2, runtime: 60, certification: 'TV-14', rating: 8.5, votes: 50000, creators: ['Laura Ricciardi', 'Moira Demos'], network: 'Netflix' },
  { name: 'Our Planet', firstAirDate: '2019-04-05', genres: [99], seasons: 2, runtime: 50, certification: 'TV-PG', rating: 9.2, votes: 25000, creators: ['Alastair Fothergill', 'Keith Scholey'], network: 'Netflix' },
  { name: 'The Mandalorian', firstAirDate: '2019-11-12', genres: [10765, 10759, 18], seasons: 3, runtime: 38, certification: 'TV-14', rating: 8.6, votes: 190000, creators: ['Jon Favreau'], network: 'Disney+' },
  { name: 'The Boys', firstAirDate: '2019-07-26', genres: [10765, 10759, 35], seasons: 4, runtime: 60, certification: 'TV-MA', rating: 8.7, votes: 170000, creators: ['Eric Kripke'], network: 'Prime Video' },
  { name: 'Ted Lasso', firstAirDate: '2020-08-14', genres: [35, 18], seasons: 3, runtime: 35, certification: 'TV-MA', rating: 8.8, votes: 110000, creators: ['Jason Sudeikis', 'Bill Lawrence', 'Brendan Hunt', 'Joe Kelly'], network: 'Apple TV+' },
  { name: 'Sherlock', firstAirDate: '2010-07-25', genres: [80, 18, 9648], seasons: 4, runtime: 88, certification: 'TV-14', rating: 9.1, votes: 320000, creators: ['Steven Moffat', 'Mark Gatiss'], network: 'BBC One' },
  { name: 'Doctor Who', firstAirDate: '2005-03-26', genres: [10759, 18, 10765], seasons: 13, runtime: 45, certification: 'TV-PG', rating: 8.6, votes: 80000, creators: ['Russell T Davies'], network: 'BBC One' },
  { name: 'Planet Earth', firstAirDate: '2006-03-05', genres: [99], seasons: 1, runtime: 50, certification: 'TV-G', rating: 9.4, votes: 85000, creators: ['Alastair Fothergill'], network: 'BBC One' },
  { name: 'Blue Planet II', firstAirDate: '2017-10-29', genres: [99], seasons: 1, runtime: 60, certification: 'TV-G', rating: 9.3, votes: 35000, creators: ['Mark Brownlow', 'James Honeyborne'], network: 'BBC One' },
  { name: 'Peaky Blinders', firstAirDate: '2013-09-12', genres: [18, 80], seasons: 6, runtime: 58, certification: 'TV-MA', rating: 8.8, votes: 220000, creators: ['Steven Knight'], network: 'BBC Two' },
  { name: 'Fleabag', firstAirDate: '2016-07-21', genres: [35, 18], seasons: 2, runtime: 27, certification: 'TV-MA', rating: 8.7, votes: 70000, creators: ['Phoebe Waller-Bridge'], network: 'BBC Three' },
  { name: 'The Great British Bake Off', firstAirDate: '2010-08-17', genres: [10764], seasons: 15, runtime: 60, certification: 'TV-G', rating: 8.5, votes: 15000, creators: ['Anna Beattie'], network: 'BBC Two' },
  { name: 'Downton Abbey', firstAirDate: '2010-09-26', genres: [18], seasons: 6, runtime: 58, certification: 'TV-PG', rating: 8.7, votes: 110000, creators: ['Julian Fellowes'], network: 'ITV' },
  { name: "Foyle's War", firstAirDate: '2002-10-27', genres: [80, 18, 10768, 9648], seasons: 8, runtime: 95, certification: 'TV-14', rating: 8.5, votes: 20000, creators: ['Anthony Horowitz'], network: 'ITV' },
  { name: 'Borgen', firstAirDate: '2010-09-26', genres: [18, 10768], seasons: 4, runtime: 58, certification: 'TV-14', rating: 8.4, votes: 15000, creators: ['Adam Price'], network: 'DR1' },
  { name: 'Le Bureau des Légendes', firstAirDate: '2015-04-27', genres: [18, 10768, 9648], seasons: 5, runtime: 52, certification: 'TV-MA', rating: 8.6, votes: 15000, creators: ['Éric Rochant'], network: 'Canal+' },
  { name: 'The Civil War', firstAirDate: '1990-09-23', genres: [99, 10768], seasons: 1, runtime: 70, certification: 'TV-PG', rating: 9.1, votes: 12000, creators: ['Ken Burns'], network: 'PBS', miniseries: true },
  { name: "Mister Rogers' Neighborhood", firstAirDate: '1968-02-19', genres: [10762, 10751], seasons: 31, runtime: 28, certification: 'TV-Y', rating: 8.6, votes: 10000, creators: ['Fred Rogers'], network: 'PBS' },
  { name: 'Sesame Street', firstAirDate: '1969-11-10', genres: [10762, 35, 10751], seasons: 54, runtime: 55, certification: 'TV-Y', rating: 8.1, votes: 18000, creators: ['Joan Ganz Cooney', 'Lloyd Morrisett'], network: 'PBS' },
  { name: 'Bluey', firstAirDate: '2018-10-01', genres: [16, 10762, 10751, 35], seasons: 3, runtime: 7, certification: 'TV-Y', rating: 9.3, votes: 25000, creators: ['Joe Brumm'], network: 'ABC Kids' },
  { name: 'SpongeBob SquarePants', firstAirDate: '1999-05-01', genres: [16, 35, 10762, 10751], seasons: 14, runtime: 11, certification: 'TV-Y7', rating: 8.2, votes: 110000, creators: ['Stephen Hillenburg'], network: 'Nickelodeon' },
  { name: 'Avatar: The Last Airbender', firstAirDate: '2005-02-21', genres: [16, 10759, 10765, 10762], seasons: 3, runtime: 23, certification: 'TV-Y7-FV', rating: 9.3, votes: 180000, creators: ['Michael Dante DiMartino', 'Bryan Konietzko'], network: 'Nickelodeon' },
  { name: 'Adventure Time', firstAirDate: '2010-04-05', genres: [16, 10759, 35, 10765, 10762], seasons: 10, runtime: 11, certification: 'TV-PG', rating: 8.6, votes: 55000, creators: ['Pendleton Ward'], network: 'Cartoon Network' },
  { name: 'Gravity Falls', firstAirDate: '2012-06-15', genres: [16, 9648, 35, 10762], seasons: 2, runtime: 22, certification: 'TV-Y7', rating: 8.9, votes: 65000, creators: ['Alex Hirsch'], network: 'Disney Channel' },
  { name: 'Rick and Morty', firstAirDate: '2013-12-02', genres: [16, 35, 10765, 10759], seasons: 7, runtime: 22, certification: 'TV-MA', rating: 9.1, votes: 320000, creators: ['Justin Roiland', 'Dan Harmon'], network: 'Adult Swim' },
  { name: 'South Park', firstAirDate: '1997-08-13', genres: [16, 35], seasons: 26, runtime: 22, certification: 'TV-MA', rating: 8.7, votes: 200000, creators: ['Trey Parker', 'Matt Stone'], network: 'Comedy Central' },
  { name: 'Cowboy Bebop', firstAirDate: '1998-04-03', genres: [16, 10759, 10765, 80], seasons: 1, runtime: 24, certification: 'TV-14', rating: 8.9, votes: 60000, creators: ['Shinichirō Watanabe'], network: 'TV Tokyo' },
  { name: 'Attack on Titan', firstAirDate: '2013-04-07', genres: [16, 10765, 10759], seasons: 4, runtime: 24, certification: 'TV-MA', rating: 9.1, votes: 150000, creators: ['Hajime Isayama'], network: 'MBS' },
];
