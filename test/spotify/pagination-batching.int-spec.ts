import { fakeAlbum, fakeFeatures, fakeIds } from '../support/fake-spotify-data.js';
import { createHarness, type Harness } from './spotify-harness.js';

describe('Spotify client: pagination and batching', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('follows `next` through three pages of new releases', async () => {
    const page = (n: number, next: string | null) => ({
      body: { albums: { items: fakeIds(`p${n}a`, 2).map(fakeAlbum), next } },
    });
    h.fake.route('GET', '/browse/new-releases', (req) => {
      const offset = Number(req.query.get('offset') ?? 0);
      const nextUrl = (o: number) => `${h.fake.apiBaseUrl}/browse/new-releases?offset=${o}&limit=50`;
      return offset === 0 ? page(0, nextUrl(50)) : offset === 50 ? page(1, nextUrl(100)) : page(2, null);
    });

    const albums = await h.client.newReleases();

    expect(albums.map((a) => a.id)).toEqual(['p0a000', 'p0a001', 'p1a000', 'p1a001', 'p2a000', 'p2a001']);
    const seen = h.fake.seen('GET', '/browse/new-releases');
    expect(seen.map((r) => r.query.get('offset'))).toEqual([null, '50', '100']);
    expect(seen.every((r) => r.authorization === 'Bearer app-token-1')).toBe(true);
  });

  it('stops at the page budget even when the server keeps sending `next`', async () => {
    h.fake.route('GET', '/browse/new-releases', (_req, n) => ({
      body: {
        albums: { items: [fakeAlbum(`x${n}`)], next: `${h.fake.apiBaseUrl}/browse/new-releases?offset=${n + 1}` },
      },
    }));
    expect(await h.client.newReleases(2)).toHaveLength(2);
    expect(h.fake.seen('GET', '/browse/new-releases')).toHaveLength(2);
  });

  it('refuses a `next` link outside the API base URL (the token must not leave it)', async () => {
    h.fake.script('GET', '/browse/new-releases', [
      { body: { albums: { items: [fakeAlbum('a1')], next: 'http://evil.example/v1/browse/new-releases?offset=50' } } },
    ]);
    await expect(h.client.newReleases()).rejects.toMatchObject({
      name: 'SpotifyResponseError',
      retriable: false,
    });
  });

  it('splits 250 ids into 3 requests of at most 100, keeping order and nulls', async () => {
    const ids = fakeIds('t', 250);
    const unknown = new Set(['t007', 't150', 't249']);
    h.fake.route('GET', '/audio-features', (req) => {
      const asked = (req.query.get('ids') ?? '').split(',');
      // Answer in the request's order, as Spotify does; null for ids it does not know.
      return {
        body: { audio_features: asked.map((id) => (unknown.has(id) ? null : fakeFeatures(id, Number(id.slice(1))))) },
      };
    });

    const features = await h.client.audioFeatures(ids);

    const batches = h.fake.seen('GET', '/audio-features').map((r) => (r.query.get('ids') ?? '').split(','));
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(batches.flat()).toEqual(ids);
    expect(features).toHaveLength(250);
    features.forEach((f, i) => {
      if (unknown.has(ids[i])) expect(f).toBeNull();
      else expect(f).toMatchObject({ id: ids[i], tempo: 120 + i });
    });
  });

  it('reuses per-track cache entries and fetches only the misses', async () => {
    h.fake.route('GET', '/audio-features', (req) => {
      const asked = (req.query.get('ids') ?? '').split(',');
      return { body: { audio_features: asked.map((id) => fakeFeatures(id, Number(id.slice(1)))) } };
    });
    await h.client.audioFeatures(fakeIds('t', 120));
    h.fake.reset();

    const again = [...fakeIds('t', 130).slice(110), 't005', 't005'];
    const features = await h.client.audioFeatures(again);

    const asked = h.fake.seen('GET', '/audio-features').map((r) => r.query.get('ids'));
    expect(asked).toEqual([fakeIds('t', 130).slice(120).join(',')]);
    expect(features.map((f) => f?.id)).toEqual(again);
    expect(h.client.cacheStats().audioFeatures).toEqual({ hits: 10 + 1, misses: 120 + 10, errors: 0 });
  });
});
