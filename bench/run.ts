/**
 * The benchmark runner: `node dist/bench/run.js --profile quick|full [--only event|rec] [--render]`.
 * bench/bench.mjs brings the stack up and builds dist/ first (`npm run bench`, `npm run bench:full`).
 * Scenarios run one after another (never side by side: they would measure each other),
 * each in its own schema, topic prefix and Redis prefix, cleaned up at the end. A failed
 * scenario is recorded and the run goes on. Writes bench/results/<profile>.{json,md} and
 * the charts, and refreshes the matching section of bench/README.md.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { createPool } from '../src/infra/postgres/pool.js';
import { TEST_DATABASE_URL } from '../src/infra/postgres/test-schema.js';
import { REDIS_URL } from '../test/support/event-path.js';
import { runLastfm, type LastfmOutcome } from './event-path/lastfm.scenario.js';
import { runLatency, type LatencyResult } from './event-path/latency.scenario.js';
import { runThroughput, type ThroughputResult } from './event-path/throughput.scenario.js';
import { openBenchEnv } from './lib/bench-env.js';
import { producerPerformance, type ProducerCeiling } from './lib/kafka-perf.js';
import { loadAverage, machineInfo } from './lib/machine.js';
import { REPO_ROOT, RESULTS_DIR } from './lib/paths.js';
import { PROFILES, type Profile } from './profiles.js';
import { runCatalogSizePoint, type CatalogSizePoint } from './rec-path/catalog-size.scenario.js';
import { runRecPath, type RecPathResult } from './rec-path/rec-path.scenario.js';
import { writeCharts } from './report/charts.js';
import { renderMarkdown } from './report/markdown.js';
import type { BenchResults } from './report/results.js';
import { checkTargets } from './report/targets.js';

const log = (line: string): void =>
  void process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const errors: Array<{ scenario: string; error: string }> = [];
/** Filled in as scenarios finish, and saved after each one (see checkpoint). */
const partial: Record<string, unknown> = {};
let checkpointFile = '';

/**
 * A process can die under a scenario (Nest exits the process when a package is missing,
 * e.g. while someone reinstalls node_modules): what finished so far is kept in
 * results/<profile>.json.tmp (git-ignored) until the run writes its real results.
 */
function checkpoint(key: string, value: unknown): void {
  partial[key] = value;
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(checkpointFile, `${JSON.stringify({ errors, ...partial }, null, 2)}\n`);
}

async function attempt<T>(scenario: string, run: () => Promise<T>): Promise<T | null> {
  log(`${scenario}…`);
  const started = performance.now();
  try {
    const result = await run();
    log(`${scenario} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    checkpoint(scenario, result);
    return result;
  } catch (error) {
    log(`${scenario} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    errors.push({ scenario, error: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

async function eventPath(p: Profile) {
  const scales: ThroughputResult[] = [];
  for (const s of p.eventScales) {
    const processes = s.processes && s.processes > 1 ? `, ${s.processes} learner processes` : '';
    const r = await attempt(`event path ${s.users} users × ${s.events / s.users} events${processes}`, () =>
      runThroughput({ ...s, partitions: p.partitions }),
    );
    if (r) scales.push(r);
  }
  const latency: LatencyResult | null = await attempt('produce → durable latency', () =>
    runLatency({ ...p.latency, partitions: p.partitions }),
  );
  const lastfm: LastfmOutcome | null = p.lastfm
    ? await attempt('Last.fm replay', () => runLastfm({ partitions: p.partitions }))
    : null;
  let producerCeiling: ProducerCeiling | null = null;
  if (p.producerPerformance && scales[0]) {
    const recordSize = scales[0].meanMessageBytes;
    producerCeiling = await attempt('Kafka ProducerPerformance', () => producerCeilingOn(recordSize, scales[0].events));
  }
  return { scales, latency, lastfm, producerCeiling };
}

/** ProducerPerformance into a scratch topic with the user-events topic's partitions. */
async function producerCeilingOn(recordSize: number, records: number): Promise<ProducerCeiling> {
  const env = await openBenchEnv('bench_pperf', 6);
  try {
    return await producerPerformance({ topic: env.topic('rewards'), records, recordSize });
  } finally {
    await env.close();
  }
}

async function recPath(p: Profile): Promise<{ rec: RecPathResult | null; sizes: CatalogSizePoint[] }> {
  const rec = await attempt('recommendation path', () => runRecPath(p.rec));
  if (rec?.httpError) errors.push({ scenario: 'recommendation path over HTTP', error: rec.httpError });
  const sizes: CatalogSizePoint[] = [];
  for (const c of p.catalogSizes) {
    const point = await attempt(`uncached latency, ${c.count} tracks`, () =>
      runCatalogSizePoint({ ...c, users: p.rec.users, seconds: Math.max(3, p.rec.seconds), partitions: p.partitions }),
    );
    if (point) sizes.push(point);
  }
  const uncached = rec?.cells.find((c) => c.path === 'kafka' && c.mode === 'uncached' && c.concurrency === 1);
  if (rec && uncached) {
    const { tracks, source } = rec.catalog;
    sizes.push({ tracks, source, engineMs: rec.engineMs, kafkaMs: uncached.latencyMs, load: uncached.load });
  }
  return { rec, sizes };
}

async function versions() {
  const pool = createPool({ connectionString: TEST_DATABASE_URL, schema: 'public', max: 1, applicationName: 'bench' });
  const redis = new Redis(REDIS_URL);
  try {
    return await machineInfo({
      postgresVersion: async () =>
        `PostgreSQL ${(await pool.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v}`,
      redisVersion: async () => /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown',
    });
  } finally {
    await pool.end();
    redis.disconnect();
  }
}

function write(results: BenchResults): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${results.profile}.json`), `${JSON.stringify(results, null, 2)}\n`);
  const charts = writeCharts(results, RESULTS_DIR);
  const markdown = renderMarkdown(results, charts);
  writeFileSync(join(RESULTS_DIR, `${results.profile}.md`), markdown);
  // The README shows the latest run of each profile between its markers.
  const readme = join(REPO_ROOT, 'bench', 'README.md');
  const begin = `<!-- results:${results.profile}:begin -->`;
  const end = `<!-- results:${results.profile}:end -->`;
  const text = readFileSync(readme, 'utf8');
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from >= 0 && to > from) {
    const body = markdown
      .replace(/^# .*\n/, '')
      .replace(/^(#{2,3}) /gm, '#$1 ') // nested under the README's own "## Latest … run"
      .replace(/\]\((?!http)/g, '](results/');
    writeFileSync(readme, `${text.slice(0, from + begin.length)}\n${body}\n${text.slice(to)}`);
  }
}

/** `--render`: rewrites the Markdown, charts and README section from results/<profile>.json, measuring nothing. */
function render(profile: Profile): number {
  const { targets: _old, ...measured } = JSON.parse(
    readFileSync(join(RESULTS_DIR, `${profile.name}.json`), 'utf8'),
  ) as BenchResults;
  write({ ...measured, targets: checkTargets(measured) });
  log(`rendered bench/results/${profile.name}.md from ${profile.name}.json`);
  return 0;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { profile: { type: 'string', default: 'quick' }, only: { type: 'string' }, render: { type: 'boolean' } },
  });
  const profile = PROFILES[values.profile as Profile['name']];
  if (!profile) throw new Error(`unknown profile ${values.profile}: quick or full`);
  if (values.render) return render(profile);
  const only = new Set((values.only ?? 'event,rec').split(','));
  const started = performance.now();
  const startedAt = new Date().toISOString();
  checkpointFile = join(RESULTS_DIR, `${profile.name}.json.tmp`);
  const machine = await versions();
  log(`${profile.name} run on ${machine.cores} cores, load ${machine.loadAtStart.join(' ')}`);
  const empty = { scales: [], latency: null, lastfm: null, producerCeiling: null };
  const events = only.has('event') ? await eventPath(profile) : empty;
  const { rec, sizes } = only.has('rec') ? await recPath(profile) : { rec: null, sizes: [] };
  const measured = {
    profile: profile.name,
    startedAt,
    durationSeconds: Math.round((performance.now() - started) / 1000),
    machine,
    loadAtEnd: loadAverage(),
    eventPath: events,
    recPath: rec,
    catalogSizes: sizes,
    errors,
  };
  const results: BenchResults = { ...measured, targets: checkTargets(measured) };
  write(results);
  rmSync(checkpointFile, { force: true });
  log(`done in ${results.durationSeconds} s: bench/results/${profile.name}.md`);
  for (const t of results.targets)
    log(`${t.pass === null ? '—   ' : t.pass ? 'pass' : 'MISS'} ${t.target}: ${t.measured}`);
  return errors.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
