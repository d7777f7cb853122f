#!/usr/bin/env node
// `npm run bench` (quick) and `npm run bench:full`: everything a benchmark run needs,
// from a fresh clone: dependencies, the stack (Kafka, Postgres, Redis), a build of dist/,
// then the runner (dist/bench/run.js) with the profile. Plain JS so it runs before the build.
//
//   node bench/bench.mjs quick|full [runner args, e.g. --only event]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [profile = 'quick', ...rest] = process.argv.slice(2);
if (!['quick', 'full'].includes(profile)) {
  console.error('usage: node bench/bench.mjs quick|full [--only event|rec]');
  process.exit(2);
}
const node = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status;

if (node(['scripts/ensure-deps.mjs']) !== 0) process.exit(1);
const { up } = await import('../scripts/stack/stack.mjs');
await up();
// tsc emits even when some file elsewhere in the tree has a type error; the bench only
// needs its own output, so a failed type check is reported but does not stop the run.
if (node(['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']) !== 0) {
  console.error('[bench] tsc reported errors (see above); running with what it emitted');
}
if (!existsSync(join(root, 'dist/bench/run.js'))) {
  console.error('[bench] dist/bench/run.js was not built');
  process.exit(1);
}
process.exit(node(['dist/bench/run.js', '--profile', profile, ...rest]) ?? 1);
