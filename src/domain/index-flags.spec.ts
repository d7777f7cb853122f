import { IndexFlags } from './index-flags.js';
import { createRng } from './rng.js';

describe('IndexFlags', () => {
  it('stores flags per index like a catalog-sized array would', () => {
    const rng = createRng('flags');
    const flags = new IndexFlags(300);
    const reference = new Uint8Array(1_000_000);
    const keys = Array.from({ length: 300 }, () => rng.int(1_000_000));
    for (const i of keys) {
      const v = 1 + rng.int(255);
      flags.set(i, v);
      reference[i] = v;
    }
    for (const i of keys) expect(flags.get(i)).toBe(reference[i]);
    for (let probe = 0; probe < 2000; probe++) {
      const i = rng.int(1_000_000);
      expect(flags.get(i)).toBe(reference[i]);
    }
  });

  it('updates in place and refuses more distinct indices than its capacity', () => {
    const flags = new IndexFlags(2);
    flags.set(0, 1);
    flags.set(0, 3);
    flags.set(7, 2);
    expect([flags.get(0), flags.get(7), flags.get(8)]).toEqual([3, 2, 0]);
    expect(() => flags.set(9, 1)).toThrow(RangeError);
  });
});
