import { CatalogMatcher, type MatchableTrack } from './catalog-matcher.js';

const track = (
  trackId: string,
  name: string,
  artists: string[],
  popularity: number,
  durationMs = 200_000,
): MatchableTrack => ({
  trackId,
  name,
  artists,
  popularity,
  durationMs,
});

const LUCKY = track('T2', 'Get Lucky (feat. Pharrell Williams) - Radio Edit', ['Daft Punk', 'Pharrell Williams'], 80);
const ONE_MORE = track('T3', 'One More Time', ['Daft Punk'], 75);
const LET_IT_BE = track('T4', 'Let It Be - Remastered 2009', ['The Beatles'], 70);
const LET_IT_BE_LIVE = track('T0', 'Let It Be (Live)', ['The Beatles'], 70);
const NO_LENGTH = track('T9', 'Silence', ['Nobody'], 99, 0);
const CATALOG = [LUCKY, ONE_MORE, LET_IT_BE, LET_IT_BE_LIVE, NO_LENGTH];

describe('CatalogMatcher', () => {
  const matcher = CatalogMatcher.build(CATALOG);
  const on = { artistFallback: true };
  const off = { artistFallback: false };

  it.each([
    ['Daft Punk', 'Get Lucky', on, 'title', 'T2'],
    ['Pharrell Williams', 'Get Lucky', on, 'title', 'T2'],
    ['daft punk', 'ONE MORE TIME', off, 'title', 'T3'],
    ['Beatles', 'Let It Be', off, 'title', 'T0'],
    ['Daft Punk', 'Around the World', on, 'artist', 'T2'],
    ['Pharrell Williams', 'Happy', on, 'artist', 'T2'],
    ['Daft Punk', 'Around the World', off, null, null],
    ['Unknown', 'Get Lucky', on, null, null],
    ['Nobody', 'Silence', on, null, null],
    ['!!!', 'Get Lucky', on, null, null],
  ])('%s – %s (%o) → %s %s', (artist, title, options, kind, trackId) => {
    const m = matcher.match(artist, title, options);
    expect(m && [m.kind, m.track.trackId]).toEqual(kind === null ? null : [kind, trackId]);
  });

  it('breaks ties by popularity, then the smaller track id, whatever the load order', () => {
    const reversed = CatalogMatcher.build([...CATALOG].reverse());
    // T0 and T4 share artist, normalised title and popularity: the smaller id wins both ways.
    expect(reversed.match('The Beatles', 'Let It Be', off)?.track.trackId).toBe('T0');
    expect(reversed.match('Daft Punk', 'Da Funk', on)?.track.trackId).toBe('T2');
  });

  it('counts distinct tracks with a length', () => {
    expect(CatalogMatcher.build([...CATALOG, LUCKY]).size).toBe(4);
  });
});
