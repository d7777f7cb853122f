#!/usr/bin/env node
// Makes sure a headless-capable Chromium is at /usr/bin/chromium for the browser tests.
// We use Debian's `chromium` package and drive it with playwright-core: test tools'
// own browser downloads (`npx playwright install`) cannot reach their CDN from CI
// machines, while Debian's mirror is a registry the machines do reach.
// Idempotent: instant when the binary is there. Exits non-zero with a reason otherwise.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_PATH = '/usr/bin/chromium';

function run(command, args) {
  console.error(`[chromium] ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

/** Installs Debian's chromium when missing; returns its path. Throws with a reason when it cannot. */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`no ${CHROMIUM_PATH} and no apt-get to install it: install Chromium yourself`);
  }
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const apt = (...args) => (sudo.length ? run(sudo[0], [...sudo.slice(1), 'apt-get', ...args]) : run('apt-get', args));
  // A stale package list makes the first install fail with 404s; refresh it and try once more.
  const installed =
    apt('install', '-y', '--no-install-recommends', 'chromium') ||
    (apt('update') && apt('install', '-y', '--no-install-recommends', 'chromium'));
  if (!installed || !existsSync(CHROMIUM_PATH))
    throw new Error(`apt-get could not install chromium (${CHROMIUM_PATH} missing)`);
  return CHROMIUM_PATH;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error(`[chromium] ${error.message}`);
    process.exit(1);
  }
}
