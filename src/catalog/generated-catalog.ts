/**
 * A deterministic stand-in catalog for when no dataset file is given. Same seed and
 * count → the identical sequence of rows. Feature means per genre family follow the
 * rough shape of the real dataset (chill: acoustic and slow; hype: loud and energetic;
 * R&B: danceable and warm), so recommendation logic behaves plausibly on it.
 */
import { createRng, type Rng } from '../domain/rng.js';
import { bucketOfGenre, type GenZBucket } from '../domain/genre.js';
import type { CatalogTrackRow, SourceItem } from './catalog-track.js';
import { SPOTIFY_GENRES } from './spotify-genres.js';
import { artistPool, trackTitle, trackId } from './generated-names.js';

export interface GeneratedCatalogOptions {
  readonly count: number;
  readonly seed: string | number;
}

interface Profile {
  readonly danceability: number;
  readonly energy: number;
  readonly valence: number;
  readonly acousticness: number;
  readonly instrumentalness: number;
  readonly speechiness: number;
  readonly tempo: number;
  readonly explicitRate: number;
}

// prettier-ignore
const PROFILES: Record<GenZBucket, Profile> = {
  'Lo-fi Chill': { danceability: 0.45, energy: 0.3, valence: 0.35, acousticness: 0.75, instrumentalness: 0.45, speechiness: 0.04, tempo: 100, explicitRate: 0.02 },
  'Pop Anthems': { danceability: 0.65, energy: 0.68, valence: 0.6, acousticness: 0.2, instrumentalness: 0.03, speechiness: 0.06, tempo: 120, explicitRate: 0.08 },
  'Hype Beats': { danceability: 0.62, energy: 0.85, valence: 0.45, acousticness: 0.05, instrumentalness: 0.3, speechiness: 0.1, tempo: 130, explicitRate: 0.3 },
  'Indie Vibes': { danceability: 0.5, energy: 0.65, valence: 0.45, acousticness: 0.2, instrumentalness: 0.1, speechiness: 0.05, tempo: 122, explicitRate: 0.08 },
  'R&B Feels': { danceability: 0.66, energy: 0.55, valence: 0.55, acousticness: 0.3, instrumentalness: 0.03, speechiness: 0.08, tempo: 105, explicitRate: 0.15 },
  'Sad Boy Hours': { danceability: 0.48, energy: 0.5, valence: 0.25, acousticness: 0.35, instrumentalness: 0.02, speechiness: 0.06, tempo: 115, explicitRate: 0.2 },
  Other: { danceability: 0.55, energy: 0.55, valence: 0.5, acousticness: 0.3, instrumentalness: 0.1, speechiness: 0.07, tempo: 118, explicitRate: 0.05 },
};

/** Share of tracks listed under a second genre of the same family, like the real file's duplicates. */
const SECOND_GENRE_RATE = 0.2;

export function generateCatalog(options: GeneratedCatalogOptions): CatalogTrackRow[] {
  return [...generatedRows(options)];
}

/** The generated catalog as importer source items (line numbers are 1-based row numbers). */
export async function* generatedSource(options: GeneratedCatalogOptions): AsyncGenerator<SourceItem> {
  let lineNumber = 0;
  for (const row of generatedRows(options)) yield { kind: 'row', lineNumber: ++lineNumber, row };
}

export function* generatedRows({ count, seed }: GeneratedCatalogOptions): Generator<CatalogTrackRow> {
  if (!Number.isSafeInteger(count) || count < 0)
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const rng = createRng(`generated-catalog:${seed}`);
  const artists = artistPool(rng, Math.max(1, Math.ceil(count / 6)));
  const ids = new Set<string>();
  for (let i = 0; i < count; i++) {
    let id = trackId(rng);
    while (ids.has(id)) id = trackId(rng);
    ids.add(id);
    yield generateTrack(rng, { id, artists });
  }
}

function generateTrack(rng: Rng, ctx: { id: string; artists: readonly string[] }): CatalogTrackRow {
  const genre = SPOTIFY_GENRES[rng.int(SPOTIFY_GENRES.length)];
  const family = bucketOfGenre(genre);
  const p = PROFILES[family];
  const energy = around(rng, p.energy, 0.15);
  const main = ctx.artists[zipfIndex(rng, ctx.artists.length)];
  const featured = rng.next() < 0.15 ? [ctx.artists[rng.int(ctx.artists.length)]] : [];
  return {
    track_id: ctx.id,
    name: trackTitle(rng),
    artists: [main, ...featured.filter((a) => a !== main)],
    album: rng.next() < 0.3 ? null : `${trackTitle(rng)} (${main})`,
    popularity: Math.min(100, Math.round(100 * (1 + rng.int(2000)) ** -0.3 + rng.int(10))),
    duration_ms: Math.max(30_000, Math.round(210_000 + normal(rng) * 50_000)),
    explicit: rng.next() < p.explicitRate,
    danceability: around(rng, p.danceability, 0.12),
    energy,
    key: rng.int(12),
    loudness: round3(-22 + 17 * energy + normal(rng) * 2),
    mode: rng.next() < 0.62 ? 1 : 0,
    speechiness: around(rng, p.speechiness, 0.04),
    acousticness: around(rng, p.acousticness, 0.2),
    instrumentalness: around(rng, p.instrumentalness, 0.2),
    liveness: around(rng, 0.18, 0.1),
    valence: around(rng, p.valence, 0.2),
    tempo: round3(Math.max(40, p.tempo + normal(rng) * 22)),
    time_signature: pick(rng, [
      [4, 0.9],
      [3, 0.07],
      [5, 0.03],
    ]),
    genres: withSecondGenre(rng, genre, family),
    release_date: releaseDate(rng),
    source: 'generated',
  };
}

function withSecondGenre(rng: Rng, genre: string, family: GenZBucket): string[] {
  if (rng.next() >= SECOND_GENRE_RATE) return [genre];
  const siblings = SPOTIFY_GENRES.filter((g) => g !== genre && bucketOfGenre(g) === family);
  return siblings.length === 0 ? [genre] : [genre, siblings[rng.int(siblings.length)]];
}

/** Approximately standard normal (Irwin–Hall with 4 uniforms: cheap and bounded). */
function normal(rng: Rng): number {
  return (rng.next() + rng.next() + rng.next() + rng.next() - 2) * Math.sqrt(3);
}

function around(rng: Rng, mean: number, sd: number): number {
  return round3(Math.min(1, Math.max(0, mean + normal(rng) * sd)));
}

/** Index with probability ∝ 1/(i+1): a few artists have most tracks, as in real catalogs. */
function zipfIndex(rng: Rng, n: number): number {
  const harmonic = Math.log(n) + 0.5772;
  const target = rng.next() * harmonic;
  return Math.min(n - 1, Math.max(0, Math.floor(Math.exp(target - 0.5772)) - 1));
}

function pick(rng: Rng, weighted: ReadonlyArray<readonly [number, number]>): number {
  let u = rng.next();
  for (const [value, weight] of weighted) {
    if (u < weight) return value;
    u -= weight;
  }
  return weighted[weighted.length - 1][0];
}

function releaseDate(rng: Rng): string {
  const year = 1965 + Math.floor(58 * Math.sqrt(rng.next())); // skewed toward recent years
  const month = 1 + rng.int(12);
  const day = 1 + rng.int(28); // every month has a 28th
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
