import { generateCatalog } from '../catalog/generated-catalog.js';
import { CatalogMatcher } from '../lastfm/catalog-matcher.js';
import { generatePlayLog } from './generated-plays.js';

const catalog = generateCatalog({ count: 500, seed: 'spec' });
const options = { catalog, users: 3, playsPerUser: 50, seed: 'spec' };

describe('generatePlayLog', () => {
  it('is deterministic for a seed', () => {
    expect(generatePlayLog(options)).toEqual(generatePlayLog(options));
    expect(generatePlayLog({ ...options, seed: 'other' })).not.toEqual(generatePlayLog(options));
  });

  it('writes the dataset layout: users in id order, each newest first, lines numbered', () => {
    const { plays, profiles } = generatePlayLog(options);
    const rows = plays.map((p) => (p.ok ? p.value : null));
    expect(rows.every((r) => r !== null)).toBe(true);
    expect(rows.map((r) => r?.lineNumber)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    expect([...new Set(rows.map((r) => r?.userId))]).toEqual(['gen_user_001', 'gen_user_002', 'gen_user_003']);
    for (const user of profiles) {
      const times = rows.filter((r) => r?.userId === user.userId).map((r) => r?.playedAt ?? 0);
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(Math.min(...times)).toBeGreaterThan(user.registeredAt ?? Infinity);
    }
  });

  it('mostly matches the catalog it was drawn from, decorations included', () => {
    const matcher = CatalogMatcher.build(
      catalog.map((t) => ({
        trackId: t.track_id,
        name: t.name,
        artists: t.artists,
        popularity: t.popularity,
        durationMs: t.duration_ms,
      })),
    );
    const plays = generatePlayLog(options).plays.flatMap((p) => (p.ok ? [p.value] : []));
    const matched = plays.filter((p) => matcher.match(p.artistName, p.trackName, { artistFallback: false }));
    expect(matched.length / plays.length).toBeGreaterThan(0.85);
    expect(plays.some((p) => p.trackName.endsWith(' - Remastered 2011'))).toBe(true);
  });
});
