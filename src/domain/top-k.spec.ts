import { createRng } from './rng.js';
import { topK } from './top-k.js';

describe('topK', () => {
  it('equals a stable full sort then slice, ties included, for every n', () => {
    const rng = createRng('top-k');
    for (let round = 0; round < 200; round++) {
      const size = rng.int(60);
      // Few distinct keys → many ties; the index records input order to check stability.
      const items = Array.from({ length: size }, (_, index) => ({ key: rng.int(8), index }));
      const byKey = (a: { key: number }, b: { key: number }): number => b.key - a.key;
      for (const n of [0, 1, 3, 20, size, size + 5]) {
        expect(topK(items, n, byKey)).toEqual([...items].sort(byKey).slice(0, n));
      }
    }
  });

  it('reads any iterable once, and treats a negative n as 0', () => {
    const map = new Map([
      ['a', 3],
      ['b', 9],
      ['c', 5],
    ]);
    expect(topK(map, 2, (x, y) => y[1] - x[1])).toEqual([
      ['b', 9],
      ['c', 5],
    ]);
    expect(topK(map, -1, () => 0)).toEqual([]);
  });
});
