/**
 * Seeded, serialisable pseudo-random generator (sfc32, Chris Doty-Humphrey's Small Fast
 * Counting generator; passes PractRand to 2^42 bytes). Its whole state is four uint32
 * words, so it can live inside a user's persisted state and make replays reproducible.
 */
export type RngState = readonly [number, number, number, number];

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Snapshot of the current state; feeding it to createRng continues the same sequence. */
  state(): RngState;
}

/** Derives a well-mixed initial state from a string seed (e.g. a user id), via FNV-1a and splitmix32. */
export function seedState(seed: string | number): RngState {
  let h = 0x811c9dc5;
  const text = String(seed);
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    h = (h + 0x9e3779b9) >>> 0;
    let z = h;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    words.push((z ^ (z >>> 16)) >>> 0);
  }
  return [words[0], words[1], words[2], words[3]];
}

export function createRng(initial: RngState | string | number): Rng {
  let [a, b, c, d] = typeof initial === 'object' ? initial : seedState(initial);
  const nextUint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  return {
    next: () => nextUint32() / 4294967296,
    int: (n: number) => {
      if (!Number.isInteger(n) || n <= 0) throw new RangeError(`rng.int needs a positive integer, got ${n}`);
      return Math.floor((nextUint32() / 4294967296) * n);
    },
    state: () => [a >>> 0, b >>> 0, c >>> 0, d >>> 0],
  };
}
