/**
 * `evaluate next-play --through-kafka`: the catalog imported into an isolated schema, the
 * Last.fm plays matched against it, replayed through Kafka into the real event processor
 * with lists from the real recommender, and in process on the same catalog; the run fails
 * (exit 1, files still written) unless both give exactly the same lists and numbers.
 */
import { tmpdir } from 'node:os';
import { dataPath } from '../data/data-paths.js';
import { runThroughKafka } from '../kafka/through-kafka.js';
import { nextPlayKafkaMarkdown } from '../reports/next-play-kafka.report.js';
import { describePlays, readPlans, type PlaysSummary } from './next-play.runner.js';
import type { RunContext, ScenarioOutput } from './run-context.js';

/** Users replayed at once: enough to overlap the event processor's batches with requests, few enough for 2 cores. */
const CONCURRENCY = 4;

export async function runNextPlayThroughKafka(ctx: RunContext): Promise<ScenarioOutput> {
  const catalogPath = dataPath(ctx.dataDir, 'catalog');
  let plays: PlaysSummary | null = null;
  const progress = ctx.progress('users through Kafka');
  const result = await runThroughKafka({
    base: ctx.env,
    catalog: { kind: 'file', path: catalogPath },
    plans: async (index) => {
      const read = await readPlans(ctx, index);
      plays = read.plays;
      return read.plans;
    },
    seed: ctx.seed,
    epsilon: ctx.epsilon,
    concurrency: CONCURRENCY,
    logDir: tmpdir(),
    log: ctx.log,
    onUserDone: (d, t) => progress.update(d, t),
  });
  progress.finish();
  const inputs = { catalog: { path: catalogPath, tracks: result.tracks }, plays };
  const lines = [`${catalogPath}: imported by the catalog importer`, ...(plays ? [describePlays(plays)] : [])];
  const { parity, inProcess, throughKafka } = result;
  return {
    name: 'next-play-through-kafka',
    json: {
      scenario: 'next-play',
      mode: 'through-kafka',
      seed: ctx.seed,
      epsilon: ctx.epsilon,
      inputs,
      parity,
      inProcess,
      throughKafka,
    },
    markdown: nextPlayKafkaMarkdown(result, { seed: ctx.seed, epsilon: ctx.epsilon, inputs: lines }),
    failed: parity.identical ? undefined : 'the replay through Kafka does not give the in-process lists and numbers',
  };
}
