/**
 * The dashboard's page: plain HTML, JS and CSS files in src/dashboard/public (no build
 * step, no CDN), read once at start. Found by walking up to the repository root, so the
 * same code serves them from src/ (tests) and dist/ (production) — tsc does not copy them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  readonly contentType: string;
  readonly body: string;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export function dashboardDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'src', 'dashboard', 'public');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('no src/dashboard/public next to a package.json above this module');
    dir = parent;
  }
}

/** Every servable file of the folder by name; anything else is a 404. */
export function loadAssets(dir: string = dashboardDir()): ReadonlyMap<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(dir)) {
    const contentType = TYPES[extname(name)];
    if (contentType) assets.set(name, { contentType, body: readFileSync(join(dir, name), 'utf8') });
  }
  return assets;
}
