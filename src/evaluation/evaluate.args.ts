/**
 * Command line of `npm run evaluate -- <scenario|report> [--data <dir>] [--out <dir>] [--seed N]
 * [--users N] [--rounds N] [--through-kafka] [--epsilon E]`.
 */
import { parseArgs } from 'node:util';

/** `report` runs simulation and next-play and writes the charts (runners/report.runner.ts). */
export const SCENARIOS = ['simulation', 'heldout-artists', 'next-play', 'report'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface EvaluateArgs {
  readonly scenario: Scenario;
  /** Undefined: the CLI falls back to MUSIC_DATA_DIR, then ../shared/data. */
  readonly dataDir: string | undefined;
  readonly outDir: string;
  readonly seed: string;
  /** Undefined: the scenario's default (simulation 10, otherwise all users). */
  readonly users: number | undefined;
  readonly rounds: number;
  /** next-play: replay through Kafka, the event processor and the recommender, and compare with in process. */
  readonly throughKafka: boolean;
  /** next-play: ε of `ours` (default 0, greedy). */
  readonly epsilon: number;
}

export const USAGE = `usage: npm run evaluate -- <${SCENARIOS.join('|')}> [--data <dir>] [--out <dir>] [--seed N] [--users N] [--rounds N] [--through-kafka] [--epsilon E]
  --data    folder with spotify-tracks/, hetrec2011-lastfm-2k/, lastfm-1k/ (default: $MUSIC_DATA_DIR, else ../shared/data)
  --out     where results go (default: evaluation/results)
  --seed    integer seed; the same seed gives identical results (default: 1)
  --users   simulation: simulated users (default 10); heldout-artists, next-play: first N users by id (default all)
  --rounds  simulation rounds per user (default 200)
  --through-kafka  next-play: also replay through Kafka into the real event processor and ask the real
                   recommender (child processes, isolated schema/topics/keys); fails unless both agree exactly
  --epsilon next-play: exploration of ours, 0..1 (default 0)
  report    simulation + next-play + engagement, with PNG charts and report.md in --out
            (--users limits both the simulated and the Last.fm users, --rounds the simulation)`;

export class UsageError extends Error {
  readonly retriable = false;
  override readonly name = 'UsageError';
}

export const DEFAULT_OUT_DIR = 'evaluation/results';
export const DEFAULT_ROUNDS = 200;

function positiveInt(flag: string, text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`${flag} must be a positive integer, got ${JSON.stringify(text)}`);
  return n;
}

function probability(flag: string, text: string): number {
  const x = Number(text);
  if (text.trim() === '' || !(x >= 0 && x <= 1))
    throw new UsageError(`${flag} must be a number in 0..1, got ${JSON.stringify(text)}`);
  return x;
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        data: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string' },
        users: { type: 'string' },
        rounds: { type: 'string' },
        'through-kafka': { type: 'boolean' },
        epsilon: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function parseEvaluateArgs(argv: readonly string[]): EvaluateArgs {
  const { values, positionals } = parse(argv);
  if (positionals.length !== 1) throw new UsageError('expected exactly one scenario');
  const scenario = SCENARIOS.find((s) => s === positionals[0]);
  if (!scenario) throw new UsageError(`unknown scenario ${JSON.stringify(positionals[0])}`);
  const seed = values.seed ?? '1';
  if (!/^\d+$/.test(seed)) throw new UsageError(`--seed must be a non-negative integer, got ${JSON.stringify(seed)}`);
  if (values.rounds !== undefined && scenario !== 'simulation' && scenario !== 'report')
    throw new UsageError('--rounds only applies to simulation (and the report)');
  if ((values['through-kafka'] || values.epsilon !== undefined) && scenario !== 'next-play')
    throw new UsageError('--through-kafka and --epsilon only apply to next-play');
  return {
    scenario,
    dataDir: values.data,
    outDir: values.out ?? DEFAULT_OUT_DIR,
    seed,
    users: values.users === undefined ? undefined : positiveInt('--users', values.users),
    rounds: values.rounds === undefined ? DEFAULT_ROUNDS : positiveInt('--rounds', values.rounds),
    throughKafka: values['through-kafka'] === true,
    epsilon: values.epsilon === undefined ? 0 : probability('--epsilon', values.epsilon),
  };
}
