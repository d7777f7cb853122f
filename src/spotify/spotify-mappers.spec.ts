import type { SpotifyTrack } from './spotify-schemas.js';
import { featureProblem, mapTrack, toAudioFeatures, toTrackMetadata } from './spotify-mappers.js';
import type { TrackFeatures } from './track-features.js';

const TRACK: SpotifyTrack = {
  id: '4uLU6hMCjMI75M1A2tKUQC',
  name: 'Never Gonna Give You Up',
  artists: [
    { id: 'ar1', name: 'Rick Astley' },
    { id: 'ar2', name: 'Guest' },
  ],
  album: { id: 'al1', name: 'Whenever You Need Somebody', release_date: '1987-11-12' },
  duration_ms: 213_573,
  explicit: false,
  popularity: 77,
};

const FEATURES: TrackFeatures & { id: string } = {
  id: TRACK.id,
  danceability: 0.727,
  energy: 0.939,
  key: 8,
  loudness: -11.855,
  mode: 1,
  speechiness: 0.0369,
  acousticness: 0.135,
  instrumentalness: 0,
  liveness: 0.151,
  valence: 0.916,
  tempo: 113.308,
  time_signature: 4,
};

const GENRES = new Map([
  ['ar1', ['dance pop', 'new wave pop']],
  ['ar2', ['new wave pop', 'synthpop']],
]);

describe('toTrackMetadata', () => {
  it('maps names, album, release date and the union of the artists’ genres', () => {
    expect(toTrackMetadata(TRACK, GENRES)).toEqual({
      track_id: '4uLU6hMCjMI75M1A2tKUQC',
      name: 'Never Gonna Give You Up',
      artists: ['Rick Astley', 'Guest'],
      album: 'Whenever You Need Somebody',
      popularity: 77,
      duration_ms: 213_573,
      explicit: false,
      genres: ['dance pop', 'new wave pop', 'synthpop'],
      release_date: '1987-11-12',
      source: 'spotify-api',
    });
  });

  it.each([
    ['1987', '1987'],
    ['1987-11', '1987-11'],
    ['0000', '0000'],
    ['87-11-12', null],
    [null, null],
  ])('release date %p → %p', (date, expected) => {
    const track = { ...TRACK, album: { ...TRACK.album, release_date: date } };
    expect(toTrackMetadata(track, new Map()).release_date).toBe(expected);
  });

  it('has no genres when no artist genres are known, and popularity 0 when absent', () => {
    const m = toTrackMetadata({ ...TRACK, popularity: null }, new Map());
    expect([m.genres, m.popularity]).toEqual([[], 0]);
  });
});

describe('mapTrack', () => {
  it('builds a full catalog row from Spotify features, without Spotify-only fields', () => {
    const mapped = mapTrack({ track: TRACK, features: FEATURES, featureSource: 'spotify', artistGenres: GENRES });
    expect(mapped.featuresKnown).toBe(true);
    if (!mapped.featuresKnown) return;
    expect(mapped.featureSource).toBe('spotify');
    const { id: _id, ...features } = FEATURES;
    expect(mapped.row).toEqual({ ...toTrackMetadata(TRACK, GENRES), ...features });
    expect('id' in mapped.row).toBe(false);
  });

  it('marks features unknown rather than inventing them', () => {
    expect(mapTrack({ track: TRACK, features: null, featureSource: 'catalog', artistGenres: GENRES })).toEqual({
      featuresKnown: false,
      metadata: toTrackMetadata(TRACK, GENRES),
      reason: 'no audio features',
    });
  });

  it('marks features unknown when they break the catalog bounds', () => {
    const mapped = mapTrack({
      track: TRACK,
      features: { ...FEATURES, valence: 1.2 },
      featureSource: 'spotify',
      artistGenres: GENRES,
    });
    expect(mapped).toMatchObject({ featuresKnown: false, reason: 'valence=1.2 outside [0, 1]' });
  });
});

describe('featureProblem', () => {
  it.each([
    [{}, null],
    [{ key: -1 }, null],
    [{ key: 12 }, 'key=12 outside [-1, 11]'],
    [{ mode: 0.5 }, 'mode=0.5 is not an integer'],
    [{ time_signature: 8 }, 'time_signature=8 outside [0, 7]'],
    [{ tempo: -1 }, 'tempo=-1 outside [0, 1.7976931348623157e+308]'],
    [{ energy: Number.NaN }, 'energy=NaN outside [0, 1]'],
  ])('%j → %p', (change, expected) => {
    expect(featureProblem({ ...FEATURES, ...change })).toBe(expected);
  });
});

describe('toAudioFeatures', () => {
  it('keeps the seven features the domain scores on', () => {
    expect(toAudioFeatures(FEATURES)).toEqual({
      danceability: 0.727,
      energy: 0.939,
      valence: 0.916,
      tempo: 113.308,
      acousticness: 0.135,
      instrumentalness: 0,
      speechiness: 0.0369,
    });
  });
});
