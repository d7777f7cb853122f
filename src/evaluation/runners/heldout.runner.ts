/** `evaluate heldout-artists`: HetRec user–artist counts against the Spotify catalog. */
import { dataPath } from '../data/data-paths.js';
import { openLines } from '../data/text-lines.js';
import { heldoutMarkdown } from '../reports/heldout.report.js';
import { runHeldoutArtists } from '../scenarios/heldout-artists.scenario.js';
import { readArtists, readUserArtists, type RowCounts } from '../scenarios/hetrec-reader.js';
import { catalogFrom, describeCatalog, type RunContext, type ScenarioOutput } from './run-context.js';
import { statSync } from 'node:fs';

/** "Now" of the evaluation: the dataset's release (May 2011), fixed so results never depend on the clock. */
export const HELDOUT_NOW = Date.UTC(2011, 4, 1);

const describeRows = (path: string, c: RowCounts): string =>
  `${path}: ${c.rows} rows read, ${c.bad} bad${c.badSamples.length > 0 ? ` (e.g. ${c.badSamples.join('; ')})` : ''}`;

export async function runHeldoutScenario(ctx: RunContext): Promise<ScenarioOutput> {
  const { catalog, summary } = await catalogFrom(ctx);
  const artistsPath = dataPath(ctx.dataDir, 'artists');
  const artists = await readArtists(artistsPath);
  const userArtistsPath = dataPath(ctx.dataDir, 'userArtists');
  const size = statSync(userArtistsPath).size;
  const source = openLines(userArtistsPath);
  const reading = ctx.progress('user_artists.dat bytes');
  const read = await readUserArtists(
    source,
    (id) => artists.names.has(id),
    () => reading.update(source.bytesRead(), size),
  );
  reading.update(size, size);
  reading.finish();
  const progress = ctx.progress('users');
  const result = runHeldoutArtists({
    index: catalog.index,
    artistNames: artists.names,
    users: read.users,
    seed: ctx.seed,
    maxUsers: ctx.users,
    now: HELDOUT_NOW,
    onUserDone: (done, total) => {
      if (done % 25 === 0 || done === total) progress.update(done, total);
    },
  });
  progress.finish();
  const inputs = {
    catalog: summary,
    artists: { path: artistsPath, ...artists.counts },
    userArtists: { path: userArtistsPath, ...read.counts },
  };
  const lines = [
    describeCatalog(summary),
    describeRows(artistsPath, artists.counts),
    describeRows(userArtistsPath, read.counts),
  ];
  return {
    json: { scenario: 'heldout-artists', seed: ctx.seed, inputs, result },
    markdown: heldoutMarkdown(result, lines),
  };
}
