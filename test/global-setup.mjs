// Runs once before any test file: brings up whatever service is missing (idempotent,
// instant when all are up) and compiles dist/, which the tests that run the real
// processes as child processes start from. Type errors do not stop the emit here (tsc
// emits anyway); `npm test` type-checks the whole tree before Jest starts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { up } from '../scripts/stack/stack.mjs';

export default async function globalSetup() {
  await up();
  const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { encoding: 'utf8' });
  if (build.status !== 0) {
    process.stderr.write(`[global-setup] tsc reported errors (JS was still emitted):\n${build.stdout}${build.stderr}`);
  }
  if (!existsSync('dist/src/learner/learner.main.js')) throw new Error('build produced no dist/; see above');
}
