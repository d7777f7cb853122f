/**
 * Where the demo's input comes from: the shared Last.fm 1K log and Spotify catalog when
 * a data directory holds them, else a generated (seeded) catalog and generated users.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type DemoDataSource =
  | {
      readonly kind: 'files';
      readonly dir: string;
      readonly plays: string;
      readonly profiles: string;
      readonly catalog: string;
    }
  | { readonly kind: 'generated'; readonly why: string };

/** A data directory was named explicitly but lacks the files: say so rather than quietly generating. */
export class DemoDataError extends Error {
  readonly retriable = false;
  override readonly name = 'DemoDataError';
}

export interface DataSourceOptions {
  /** MUSIC_DATA_DIR (config.dataDir), or null when unset. */
  readonly configuredDir: string | null;
  readonly forceGenerated: boolean;
  /** Repository root; the default data dir is `<root>/../shared/data`. */
  readonly repoRoot: string;
  readonly exists?: (path: string) => boolean;
}

export function resolveDataSource(o: DataSourceOptions): DemoDataSource {
  if (o.forceGenerated) return { kind: 'generated', why: '--generated was given' };
  const exists = o.exists ?? existsSync;
  const dir = resolve(o.configuredDir ?? join(o.repoRoot, '..', 'shared', 'data'));
  const files = {
    plays: firstExisting(exists, join(dir, 'lastfm-1k'), ['plays.tsv.gz', 'plays.tsv']),
    profiles: firstExisting(exists, join(dir, 'lastfm-1k'), ['userid-profile.tsv']),
    catalog: firstExisting(exists, join(dir, 'spotify-tracks'), ['dataset.csv.gz', 'dataset.csv']),
  };
  const { plays, profiles, catalog } = files;
  if (plays && profiles && catalog) return { kind: 'files', dir, plays, profiles, catalog };
  const missing = Object.entries(files).filter(([, path]) => path === null);
  const what = `${dir} has no ${missing.map(([name]) => name).join(', ')} file`;
  if (o.configuredDir !== null) throw new DemoDataError(`MUSIC_DATA_DIR: ${what} (see docs/demo.md for the layout)`);
  return { kind: 'generated', why: exists(dir) ? what : `${dir} does not exist` };
}

function firstExisting(exists: (p: string) => boolean, dir: string, names: readonly string[]): string | null {
  for (const name of names) if (exists(join(dir, name))) return join(dir, name);
  return null;
}

/** The repository root: the nearest directory above this module with a package.json (works from src/ and dist/). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('no package.json above the demo module');
    dir = parent;
  }
  return dir;
}
