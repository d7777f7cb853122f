// Runs once before any test file: brings up whatever service is missing (idempotent,
// instant when all are up) and compiles dist/, which tests that run the real processes
// as child processes start from.
import { spawnSync } from 'node:child_process';
import { up } from '../scripts/stack/stack.mjs';

export default async function globalSetup() {
  await up();
  const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('tsc build failed; see above');
}
