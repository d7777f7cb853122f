import { systemClock } from '../../src/spotify/clock.js';
import { SpotifyDataSource } from '../../src/spotify/spotify-data-source.js';
import type { TrackFeatures } from '../../src/spotify/track-features.js';
import { fakeFeatures, fakeTrack } from '../support/fake-spotify-data.js';
import { createHarness, type Harness } from './spotify-harness.js';

const CATALOG_FEATURES: TrackFeatures = {
  danceability: 0.7,
  energy: 0.8,
  key: 5,
  loudness: -5,
  mode: 0,
  speechiness: 0.04,
  acousticness: 0.1,
  instrumentalness: 0.02,
  liveness: 0.3,
  valence: 0.9,
  tempo: 128,
  time_signature: 4,
};

describe('Spotify data source: fallbacks when Spotify closes an endpoint', () => {
  let h: Harness;
  let source: SpotifyDataSource;
  let catalogAsked: string[][];
  let candidatesAsked: Array<{ seedTrackIds: readonly string[]; limit: number }>;

  beforeEach(async () => {
    h = await createHarness();
    catalogAsked = [];
    candidatesAsked = [];
    source = new SpotifyDataSource({
      client: h.client,
      catalogFeatures: {
        featuresFor: async (ids) => {
          catalogAsked.push([...ids]);
          return new Map([['t1', CATALOG_FEATURES]]);
        },
      },
      candidates: {
        candidatesFor: async (request) => {
          candidatesAsked.push(request);
          return ['c1', 'c2'];
        },
      },
      clock: systemClock,
      log: h.log,
    });
  });
  afterEach(async () => {
    await h.close();
  });

  it('uses the catalog for audio features after a 403 and says so, then stops asking Spotify', async () => {
    h.fake.script('GET', '/audio-features', [{ status: 403, body: { error: { status: 403, message: 'Forbidden' } } }]);

    const first = await source.audioFeatures(['t1', 't2']);
    const second = await source.audioFeatures(['t1']);

    expect(first).toEqual({
      features: [CATALOG_FEATURES, null],
      meta: { source: 'catalog-fallback', reason: 'spotify audio-features unavailable (HTTP 403)' },
    });
    expect(second.meta).toEqual(first.meta);
    expect(catalogAsked).toEqual([['t1', 't2'], ['t1']]);
    expect(h.fake.seen('GET', '/audio-features')).toHaveLength(1); // no retries, remembered
  });

  it('reports Spotify as the source when the endpoint answers', async () => {
    h.fake.script('GET', '/audio-features', [{ body: { audio_features: [fakeFeatures('t1', 3)] } }]);

    const result = await source.audioFeatures(['t1']);

    expect(result.meta).toEqual({ source: 'spotify', reason: null });
    expect(result.features[0]).toMatchObject({ tempo: 123, key: 3 });
    expect(catalogAsked).toEqual([]);
  });

  it('uses our candidate source for recommendations after a 404', async () => {
    h.fake.script('GET', '/recommendations', [{ status: 404 }]);

    const result = await source.recommendations(['s1', 's2'], 10);

    expect(result).toEqual({
      trackIds: ['c1', 'c2'],
      tracks: [],
      meta: { source: 'catalog-fallback', reason: 'spotify recommendations unavailable (HTTP 404)' },
    });
    expect(candidatesAsked).toEqual([{ seedTrackIds: ['s1', 's2'], limit: 10 }]);
  });

  it('maps tracks to catalog rows with catalog features, artist genres, and unknown features marked', async () => {
    h.fake.script('GET', '/audio-features', [{ status: 403 }]);
    h.fake.script('GET', '/artists', [
      { body: { artists: [{ id: 'art1', name: 'Artist t1', genres: ['indie pop', 'dream pop'] }, null] } },
    ]);
    h.fake.script('GET', '/tracks', [
      { body: { tracks: [fakeTrack('t1', { artists: [{ id: 'art1', name: 'A' }] }), fakeTrack('t2')] } },
    ]);
    const tracks = (await h.client.tracks(['t1', 't2'])).filter((t) => t !== null);

    const { tracks: mapped, meta } = await source.catalogRows(tracks);

    expect(meta.source).toBe('catalog-fallback');
    expect(mapped[0]).toEqual({
      featuresKnown: true,
      featureSource: 'catalog',
      row: {
        track_id: 't1',
        name: 'Track t1',
        artists: ['A'],
        album: 'Album t1',
        popularity: 42,
        duration_ms: 200_000,
        explicit: false,
        genres: ['indie pop', 'dream pop'],
        release_date: '2024-03-01',
        source: 'spotify-api',
        ...CATALOG_FEATURES,
      },
    });
    expect(mapped[1]).toMatchObject({
      featuresKnown: false,
      reason: 'no audio features',
      metadata: { track_id: 't2', genres: [] },
    });
    expect(h.fake.seen('GET', '/artists')[0].query.get('ids')).toBe('art1,art2');
  });
});
