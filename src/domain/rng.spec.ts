import { createRng, seedState } from './rng.js';

describe('rng', () => {
  it('is reproducible from a seed and from a saved state', () => {
    const r1 = createRng('user-1');
    const first = [r1.next(), r1.next(), r1.next()];
    const r2 = createRng('user-1');
    expect([r2.next(), r2.next(), r2.next()]).toEqual(first);

    const saved = r1.state();
    const continued = createRng(saved);
    expect(continued.next()).toBe(r1.next());
  });

  it('gives different streams for different seeds', () => {
    expect(createRng('a').next()).not.toBe(createRng('b').next());
    expect(seedState('a')).not.toEqual(seedState('b'));
  });

  it('stays in range and is roughly uniform', () => {
    const rng = createRng(42);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      buckets[Math.floor(x * 10)]++;
    }
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
    expect(() => rng.int(0)).toThrow(RangeError);
  });
});
