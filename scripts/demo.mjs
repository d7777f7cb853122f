#!/usr/bin/env node
// `npm run demo -- [options]`: brings the local stack up (idempotent), compiles dist/,
// then runs the demo (dist/src/demo/demo.cli.js) with the same arguments. Dependencies
// are ensured by package.json (scripts/ensure-deps.mjs) before this starts.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { up } from './stack/stack.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const say = (text) => process.stdout.write(`[demo] ${text}\n`);

async function main(argv) {
  if (!argv.includes('--help') && !argv.includes('-h')) {
    say('stack: making Kafka, Postgres and Redis reachable…');
    await up(process.env);
  }
  say('build: tsc -p tsconfig.build.json');
  const build = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  // tsc still emits when another module has type errors; the demo only needs its own files.
  if (build.status !== 0) say('build: tsc reported type errors (see above); running the emitted code anyway');
  const demo = spawn(process.execPath, [join(root, 'dist/src/demo/demo.cli.js'), ...argv], { cwd: root, stdio: 'inherit' });
  // Ctrl-C reaches the demo directly (same process group), so SIGINT is not forwarded (a
  // second one would cut its clean-up short); a SIGTERM sent to this process alone is.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => demo.kill('SIGTERM'));
  return new Promise((resolve) => demo.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`[demo] ${error?.name === 'StackError' ? error.message : error?.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
