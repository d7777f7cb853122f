/** Word lists and id spelling for the generated catalog; all choices come from the caller's rng. */
import type { Rng } from '../domain/rng.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const FIRST = [
  'Luna',
  'Nova',
  'Kai',
  'Mira',
  'Juno',
  'Rio',
  'Sol',
  'Zara',
  'Eli',
  'Ivy',
  'Theo',
  'Noor',
  'Ash',
  'Remy',
  'Sage',
  'Yuki',
];
const LAST = [
  'Vale',
  'Rivers',
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Tanaka',
  'Silva',
  'Novak',
  'Haddad',
  'Kim',
  'Brooks',
  'Costa',
];
const BANDS = ['Static', 'Velvet', 'Neon', 'Paper', 'Golden', 'Midnight', 'Glass', 'Electric', 'Hollow', 'Silver'];
const NOUNS = [
  'Tigers',
  'Satellites',
  'Harbours',
  'Echoes',
  'Lanterns',
  'Ghosts',
  'Orchards',
  'Signals',
  'Comets',
  'Rooms',
];
const ADJ = [
  'Blue',
  'Slow',
  'Bright',
  'Quiet',
  'Broken',
  'Endless',
  'Summer',
  'Lonely',
  'Wild',
  'Soft',
  'Late',
  'Golden',
];
const THING = ['Light', 'Heart', 'Road', 'Rain', 'Night', 'Fire', 'Dream', 'Sky', 'City', 'Tide', 'Signal', 'Bloom'];

/** Spotify-shaped id: 22 base-62 characters. */
export function trackId(rng: Rng): string {
  let id = '';
  for (let i = 0; i < 22; i++) id += BASE62[rng.int(BASE62.length)];
  return id;
}

/** `size` distinct artist names: solo artists and bands. */
export function artistPool(rng: Rng, size: number): string[] {
  const names = new Set<string>();
  while (names.size < size) {
    const candidate =
      rng.next() < 0.6 ? `${one(rng, FIRST)} ${one(rng, LAST)}` : `The ${one(rng, BANDS)} ${one(rng, NOUNS)}`;
    // Numbered suffixes keep names distinct once the word combinations run out.
    names.add(names.has(candidate) ? `${candidate} ${names.size}` : candidate);
  }
  return [...names];
}

export function trackTitle(rng: Rng): string {
  const title = `${one(rng, ADJ)} ${one(rng, THING)}`;
  return rng.next() < 0.2 ? `${title} (Remix)` : title;
}

function one<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)];
}
