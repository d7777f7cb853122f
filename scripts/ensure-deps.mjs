#!/usr/bin/env node
// Installs dependencies when they are missing or older than package-lock.json, so the
// README's two commands work on a fresh clone with nothing run before them.
// npm writes node_modules/.package-lock.json at the end of every successful install,
// so its being newer than package-lock.json means the install is complete and current.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');

const current = existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs;
if (!current) {
  console.error('[deps] node_modules missing or stale: running npm ci…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('[deps] npm ci failed; see the output above.');
    process.exit(result.status ?? 1);
  }
}
