/**
 * `npm run evaluate -- <simulation|heldout-artists|next-play|report> [--data <dir>] [--out <dir>] [--seed N] [--users N] [--rounds N]`
 * (`next-play --through-kafka [--epsilon E]`: also through the deployed path, see runners/next-play-kafka.runner.ts)
 *
 * Runs one learning-quality scenario, writes `<out>/<scenario>.json` (every number, and
 * the counts of bad and unmatched input rows) and `<out>/<scenario>.md`, and prints the
 * Markdown. Progress goes to stderr. Same arguments and seed → byte-identical files.
 * Exit codes: 0 done, 1 failed (missing input, unreadable file, a failed check), 2 usage.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../config/config.js';
import { parseEvaluateArgs, USAGE, UsageError, type EvaluateArgs, type Scenario } from './evaluate.args.js';
import { createProgress, type ProgressSink } from './progress.js';
import { runHeldoutScenario } from './runners/heldout.runner.js';
import type { RunContext, ScenarioOutput } from './runners/run-context.js';
import { runSimulationScenario } from './runners/simulation.runner.js';
import { runNextPlayScenario } from './runners/next-play.runner.js';
import { runNextPlayThroughKafka } from './runners/next-play-kafka.runner.js';
import { runReport } from './runners/report.runner.js';

const SIBLING_DATA = resolve('..', 'shared', 'data');

export interface CliIo {
  readonly stdout: ProgressSink;
  readonly stderr: ProgressSink;
}

const RUNNERS: Readonly<Record<Scenario, (ctx: RunContext) => Promise<ScenarioOutput>>> = {
  simulation: runSimulationScenario,
  'heldout-artists': runHeldoutScenario,
  'next-play': runNextPlayScenario,
  report: runReport,
};

/** The demo's rule: --data, else MUSIC_DATA_DIR, else ../shared/data next to the repository (npm runs in its root). */
function dataDirOf(args: EvaluateArgs): string {
  const dir = args.dataDir ?? loadConfig().dataDir ?? (existsSync(SIBLING_DATA) ? SIBLING_DATA : undefined);
  if (!dir) throw new UsageError('give --data <dir> or set MUSIC_DATA_DIR');
  return dir;
}

export async function runEvaluate(
  argv: readonly string[],
  io: CliIo,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const log = (line: string): void => void io.stderr.write(`${line}\n`);
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    const args = parseEvaluateArgs(argv);
    const ctx: RunContext = {
      dataDir: dataDirOf(args),
      seed: args.seed,
      users: args.users,
      rounds: args.rounds,
      epsilon: args.epsilon,
      env,
      progress: (label) => createProgress(label, io.stderr),
      log,
    };
    const started = Date.now();
    const run = args.throughKafka ? runNextPlayThroughKafka : RUNNERS[args.scenario];
    const output = await run(ctx);
    await mkdir(args.outDir, { recursive: true });
    const base = join(args.outDir, output.name ?? args.scenario);
    await writeFile(`${base}.json`, `${JSON.stringify(output.json, null, 2)}\n`);
    await writeFile(`${base}.md`, output.markdown);
    for (const file of output.files ?? []) await writeFile(join(args.outDir, file.name), file.bytes);
    io.stdout.write(output.markdown);
    log(`wrote ${base}.json and ${base}.md in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (output.failed) log(`evaluate failed: ${output.failed}`);
    return output.failed ? 1 : 0;
  } catch (error) {
    log(`evaluate failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    if (error instanceof UsageError) log(USAGE);
    return error instanceof UsageError ? 2 : 1;
  }
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntryPoint) {
  void runEvaluate(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
    process.exitCode = code;
  });
}
