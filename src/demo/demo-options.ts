/** Command line of `npm run demo -- [options]`. */
import { parseArgs } from 'node:util';

export interface DemoOptions {
  /** Most plays to stream (each user contributes its earliest plays, in proportion); null = all. */
  readonly limit: number | null;
  /** Only the first N users (by id); null = all. */
  readonly users: number | null;
  /** Users whose learning is shown while streaming; empty = the three with the most events. */
  readonly watch: readonly string[];
  readonly artistFallback: boolean;
  readonly forceGenerated: boolean;
  /** How often the learning view is printed. */
  readonly viewEveryMs: number;
  /** Events produced per second; 0 = as fast as possible (a backlog the processor drains). */
  readonly rate: number;
  /** HTTP port of the gateway the demo starts to show recommendations. */
  readonly port: number;
}

/**
 * Streams every matched play by default: the processor applies the shared data's ~88k
 * events at ~10k/s on a 2-core machine (docs/demo.md, "Timing"), far inside the budget.
 */
export const DEFAULT_LIMIT: number | null = null;
/**
 * Paced like a live stream so the learning can be watched (~45 s for the shared data);
 * `--rate 0` replays the backlog at full speed instead.
 */
export const DEFAULT_RATE = 2000;
/** Not 3000, so the demo does not collide with a gateway a developer runs with the defaults. */
export const DEFAULT_PORT = 3099;

export const DEMO_USAGE = `usage: npm run demo -- [options]
  --limit N               stream at most N plays (each user's earliest, in proportion); default: all
  --users N               only the first N users by id; default: all
  --watch u1,u2,u3        users whose learning is shown; default: the three with the most events
  --no-artist-fallback    stream only plays matched by artist + title
  --generated             use the generated catalog and users even when the shared data exists
  --view-every S          seconds between learning views; default 5
  --rate N                events produced per second; 0 = as fast as possible; default ${DEFAULT_RATE}
  --port N                HTTP port for the demo's gateway; default ${DEFAULT_PORT}
Data: MUSIC_DATA_DIR, else ../shared/data next to the repository, else generated.`;

export class DemoUsageError extends Error {
  readonly retriable = false;
  override readonly name = 'DemoUsageError';
}

export function parseDemoOptions(argv: readonly string[]): DemoOptions {
  const values = parse(argv);
  const watch = (values.watch ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  return {
    limit: values.limit === undefined ? DEFAULT_LIMIT : positiveInt('--limit', values.limit),
    users: values.users === undefined ? null : positiveInt('--users', values.users),
    watch,
    artistFallback: !values['no-artist-fallback'],
    forceGenerated: values.generated === true,
    viewEveryMs: 1000 * positiveInt('--view-every', values['view-every'] ?? '5'),
    rate: values.rate === undefined ? DEFAULT_RATE : nonNegativeInt('--rate', values.rate),
    port: values.port === undefined ? DEFAULT_PORT : positiveInt('--port', values.port),
  };
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        limit: { type: 'string' },
        users: { type: 'string' },
        watch: { type: 'string' },
        'no-artist-fallback': { type: 'boolean' },
        generated: { type: 'boolean' },
        'view-every': { type: 'string' },
        rate: { type: 'string' },
        port: { type: 'string' },
      },
    }).values;
  } catch (error) {
    throw new DemoUsageError(error instanceof Error ? error.message : String(error));
  }
}

function positiveInt(flag: string, text: string): number {
  const n = nonNegativeInt(flag, text);
  if (n < 1) throw new DemoUsageError(`${flag} must be a positive integer, got ${JSON.stringify(text)}`);
  return n;
}

function nonNegativeInt(flag: string, text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n))
    throw new DemoUsageError(`${flag} must be a whole number, got ${JSON.stringify(text)}`);
  return n;
}
