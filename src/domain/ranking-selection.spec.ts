import { buildCatalogIndex } from './catalog-index.js';
import { createDiversityTracker, diversityInputFor } from './diversity.js';
import { createSelection } from './ranking-selection.js';
import { createRng } from './rng.js';
import { syntheticTracks } from './test-fixtures.js';

describe('createSelection', () => {
  // Few artists, so shared-artist flags flip during the run.
  const tracks = syntheticTracks(400, 'selection').map((t, i) => ({ ...t, artists: [`a${i % 7}`, `b${i % 11}`] }));
  const index = buildCatalogIndex(tracks);
  const candidates = Int32Array.from({ length: 120 }, (_, j) => (j * 37) % 400);

  it('equals the eager diversity tracker exactly at every slot, for every remaining candidate', () => {
    const eager = createDiversityTracker(diversityInputFor(index, candidates));
    const lazy = createSelection(index, candidates, 30);
    const remaining = Int32Array.from({ length: candidates.length }, (_, j) => j);
    let left = candidates.length;
    const rng = createRng('picks');
    for (let slot = 0; slot < 30; slot++) {
      // Ask the lazy side for only some candidates at most slots, so catching up spans several picks.
      for (let r = 0; r < left; r++)
        if (slot % 4 === 3 || r % 5 === slot % 5) expect(lazy.diversity(remaining[r])).toBe(eager.bonus(remaining[r]));
      const r = rng.int(left);
      const j = remaining[r];
      expect(lazy.diversity(j)).toBe(eager.bonus(j));
      remaining[r] = remaining[--left];
      eager.select(j, remaining, left);
      lazy.select(j);
    }
  });

  it('never bounds a candidate below its exact diversity, however stale', () => {
    const lazy = createSelection(index, candidates, 40);
    const rng = createRng('bounds');
    for (let slot = 0; slot < 40; slot++) {
      for (let j = 0; j < candidates.length; j++) {
        // Bound first (stale), then the exact value only for some, so others stay stale for several picks.
        const bound = lazy.diversityBound(j);
        if ((j + slot) % 6 === 0) expect(bound).toBeGreaterThanOrEqual(lazy.diversity(j));
      }
      lazy.select(rng.int(candidates.length));
    }
    for (let j = 0; j < candidates.length; j++) {
      const bound = lazy.diversityBound(j);
      expect(bound).toBeGreaterThanOrEqual(lazy.diversity(j));
    }
  });

  it('gives the first pick diversity 1', () => {
    expect(createSelection(index, candidates, 1).diversity(5)).toBe(1);
  });
});
