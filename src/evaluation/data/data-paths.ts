/**
 * Where the scenarios find their inputs under `--data <dir>`: the shared layout
 * (docs/evaluation.md). Each file may be plain or gzip-compressed; the first existing
 * name wins, so test fixtures can be plain text.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export class MissingInputError extends Error {
  readonly retriable = false;
  override readonly name = 'MissingInputError';
}

const LAYOUT = {
  catalog: ['spotify-tracks/dataset.csv.gz', 'spotify-tracks/dataset.csv'],
  userArtists: ['hetrec2011-lastfm-2k/user_artists.dat', 'hetrec2011-lastfm-2k/user_artists.dat.gz'],
  artists: ['hetrec2011-lastfm-2k/artists.dat.gz', 'hetrec2011-lastfm-2k/artists.dat'],
  plays: ['lastfm-1k/plays.tsv.gz', 'lastfm-1k/plays.tsv'],
} as const;

export type DataFile = keyof typeof LAYOUT;

export function dataPath(dir: string, file: DataFile): string {
  const found = LAYOUT[file].map((name) => join(dir, name)).find((p) => existsSync(p));
  if (!found) throw new MissingInputError(`no ${file} file under ${dir} (looked for ${LAYOUT[file].join(', ')})`);
  return found;
}
