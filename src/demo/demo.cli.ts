/**
 * `npm run demo -- [options]` (via scripts/demo.mjs, which brings the stack up and builds
 * first). Exit codes: 0 done, 1 failed, 2 usage, 130 interrupted.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../config/config.js';
import { repoRoot, resolveDataSource } from './demo-data.js';
import { DEMO_ENV, learnerEnv } from './demo-env.js';
import { DEMO_USAGE, DemoUsageError, parseDemoOptions } from './demo-options.js';
import { DemoOutput } from './demo-output.js';
import { runDemo } from './demo-pipeline.js';

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${DEMO_USAGE}\n`);
    return 0;
  }
  const out = new DemoOutput(process.stdout);
  const abort = new AbortController();
  const interrupt = (): void => {
    out.step('interrupted', 'stopping the event processor and closing connections…');
    abort.abort();
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const options = parseDemoOptions(argv);
    const env = { ...process.env, ...DEMO_ENV };
    const config = loadConfig(env);
    const root = repoRoot();
    const data = resolveDataSource({
      configuredDir: config.dataDir,
      forceGenerated: options.forceGenerated,
      repoRoot: root,
    });
    out.step(
      'data',
      data.kind === 'files' ? `shared data in ${data.dir}` : `generated users and catalog (${data.why})`,
    );
    await runDemo({
      config,
      options,
      data,
      repoRoot: root,
      learnerEnv: learnerEnv(env, config),
      learnerLog: join(tmpdir(), 'music-rl-demo-learner.log'),
      out,
      signal: abort.signal,
    });
    return 0;
  } catch (error) {
    if (abort.signal.aborted) return 130;
    out.line(`[demo] failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    if (error instanceof DemoUsageError) out.line(DEMO_USAGE);
    return error instanceof DemoUsageError ? 2 : 1;
  }
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntryPoint) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
