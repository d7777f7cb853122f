/**
 * Stand-in users and plays for when the shared Last.fm data is absent: deterministic
 * (seeded), in the dataset's own shape (newest first per user), drawn from the generated
 * catalog. Each user favours one GenZ bucket and skips half of everything else, so the
 * learning view has a taste to find. Titles are sometimes decorated (" - Remastered 2011",
 * "(feat. …)") and a few plays are of tracks the catalog lacks, so matching and its
 * counters do real work.
 */
import type { CatalogTrackRow } from '../catalog/catalog-track.js';
import { bucketOfGenres, GENZ_BUCKETS } from '../domain/genre.js';
import { createRng, type Rng } from '../domain/rng.js';
import type { LastfmPlay, LastfmProfile, Parsed } from '../lastfm/lastfm-play.js';

export interface GeneratedLogOptions {
  readonly catalog: readonly CatalogTrackRow[];
  readonly users: number;
  readonly playsPerUser: number;
  readonly seed: string;
}

export interface GeneratedLog {
  readonly plays: Array<Parsed<LastfmPlay>>;
  readonly profiles: LastfmProfile[];
}

const DAY = 86_400_000;
/** Sign-ups three days apart from this date; plays start the day after. */
const FIRST_SIGN_UP = Date.UTC(2024, 0, 1);

export function generatePlayLog(o: GeneratedLogOptions): GeneratedLog {
  const named = GENZ_BUCKETS.filter((b) => b !== 'Other');
  const plays: Array<Parsed<LastfmPlay>> = [];
  const profiles: LastfmProfile[] = [];
  for (let u = 0; u < o.users; u++) {
    const userId = `gen_user_${String(u + 1).padStart(3, '0')}`;
    const favourite = named[u % named.length];
    const liked = o.catalog.filter((t) => bucketOfGenres(t.genres) === favourite);
    const registeredAt = FIRST_SIGN_UP + u * 3 * DAY;
    profiles.push({ lineNumber: u + 2, userId, gender: null, age: null, country: null, registeredAt });
    const rng = createRng(`demo-plays:${o.seed}:${userId}`);
    const own = userPlays(rng, { liked: liked.length > 0 ? liked : o.catalog, all: o.catalog, n: o.playsPerUser });
    let at = registeredAt + DAY;
    const timed = own.map((p) => ({ ...p, playedAt: (at += p.gapBeforeMs) }));
    for (const p of timed.reverse()) {
      const lineNumber = plays.length + 1;
      plays.push({ ok: true, value: { lineNumber, userId, artistMbid: null, trackMbid: null, ...p } });
    }
  }
  return { plays, profiles };
}

interface DrawnPlay {
  readonly artistName: string;
  readonly trackName: string;
  readonly gapBeforeMs: number;
}

function userPlays(
  rng: Rng,
  o: { liked: readonly CatalogTrackRow[]; all: readonly CatalogTrackRow[]; n: number },
): DrawnPlay[] {
  const out: DrawnPlay[] = [];
  const liked = new Set(o.liked);
  let previous: CatalogTrackRow | null = null;
  let previousGap = 0;
  for (let i = 0; i < o.n; i++) {
    const unknown = rng.next() < 0.05;
    const again = previous !== null && rng.next() < 0.06;
    const track: CatalogTrackRow =
      again && previous ? previous : rng.next() < 0.8 ? pick(rng, o.liked) : pick(rng, o.all);
    out.push({
      artistName: unknown ? 'The Garage Tapes' : track.artists[0],
      trackName: unknown ? `Demo ${1 + rng.int(40)}` : decorate(rng, track.name),
      gapBeforeMs: previousGap,
    });
    previousGap = gapAfter(rng, track.duration_ms, liked.has(track) ? 0.05 : 0.5);
    previous = track;
  }
  return out;
}

/** Cut short after 5–25 s (a skip) at `skipRate`, else 5 % a session break of hours, else played through. */
function gapAfter(rng: Rng, durationMs: number, skipRate: number): number {
  if (rng.next() < skipRate) return 5_000 + rng.int(20_000);
  if (rng.next() < 0.05) return 3_600_000 + rng.int(20 * 3_600_000);
  return durationMs + rng.int(5_000);
}

function decorate(rng: Rng, title: string): string {
  const r = rng.next();
  if (r < 0.1) return `${title} - Remastered 2011`;
  if (r < 0.15) return `${title} (feat. Guest Star)`;
  return title;
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)];
}
