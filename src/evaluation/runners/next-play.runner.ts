/**
 * `evaluate next-play`: the Last.fm 1K play log, matched to the catalog with src/lastfm's
 * matcher (exact artist + title, else the artist's most popular track, as in the demo),
 * planned per user (listen time from the gap to the next play, repeats) and replayed.
 */
import { createReadStream, statSync } from 'node:fs';
import { CatalogMatcher } from '../../lastfm/catalog-matcher.js';
import type { LastfmPlay, Parsed } from '../../lastfm/lastfm-play.js';
import { readPlayLog } from '../../lastfm/play-log.js';
import { readPlays } from '../../lastfm/plays-reader.js';
import { planUser } from '../../lastfm/user-timeline.js';
import { dataPath } from '../data/data-paths.js';
import type { Progress } from '../progress.js';
import { nextPlayMarkdown } from '../reports/next-play.report.js';
import { runNextPlay } from '../scenarios/next-play.scenario.js';
import { catalogFrom, describeCatalog, type RunContext, type ScenarioOutput } from './run-context.js';

async function* withProgress(
  items: AsyncIterable<Parsed<LastfmPlay>>,
  o: { bytesRead: () => number; size: number; progress: Progress },
): AsyncGenerator<Parsed<LastfmPlay>> {
  let n = 0;
  for await (const item of items) {
    if (++n % 20_000 === 0) o.progress.update(o.bytesRead(), o.size);
    yield item;
  }
  o.progress.update(o.size, o.size);
  o.progress.finish();
}

export async function runNextPlayScenario(ctx: RunContext): Promise<ScenarioOutput> {
  const { catalog, summary } = await catalogFrom(ctx);
  const matcher = CatalogMatcher.build(catalog.index.tracks);
  const path = dataPath(ctx.dataDir, 'plays');
  const file = createReadStream(path);
  const progress = ctx.progress('plays bytes');
  const items = withProgress(readPlays(file), { bytesRead: () => file.bytesRead, size: statSync(path).size, progress });
  const log = await readPlayLog(items, { matcher, artistFallback: true });
  const userIds = [...log.timelines.keys()].sort().slice(0, ctx.users);
  const plans = userIds.map((id) => planUser(id, log.timelines.get(id) ?? []));
  const replay = ctx.progress('users');
  const result = runNextPlay({
    index: catalog.index,
    plans,
    seed: ctx.seed,
    onUserDone: (d, t) => replay.update(d, t),
  });
  replay.finish();
  const duplicates = plans.reduce((s, p) => s + p.duplicates, 0);
  const plays = {
    path,
    ...log.stats,
    duplicates,
    malformedSamples: log.malformedSamples,
    usersInFile: log.timelines.size,
  };
  return {
    json: { scenario: 'next-play', seed: ctx.seed, inputs: { catalog: summary, plays }, result },
    markdown: nextPlayMarkdown(result, [describeCatalog(summary), describePlays(plays)]),
  };
}

function describePlays(p: {
  path: string;
  plays: number;
  matchedByTitle: number;
  matchedByArtist: number;
  unmatched: number;
  malformed: number;
  duplicates: number;
}): string {
  return (
    `${p.path}: ${p.plays} plays (${p.malformed} malformed lines): ${p.matchedByTitle} matched by artist + title, ` +
    `${p.matchedByArtist} by artist only, ${p.unmatched} unmatched; ${p.duplicates} duplicate scrobbles not replayed`
  );
}
