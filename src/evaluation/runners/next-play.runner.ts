/**
 * `evaluate next-play`: the Last.fm 1K play log, matched to the catalog with src/lastfm's
 * matcher (exact artist + title, else the artist's most popular track, as in the demo),
 * planned per user (listen time from the gap to the next play, repeats) and replayed.
 */
import { createReadStream, statSync } from 'node:fs';
import type { CatalogIndex } from '../../domain/catalog-index.js';
import { CatalogMatcher } from '../../lastfm/catalog-matcher.js';
import type { LastfmPlay, MalformedLine, Parsed } from '../../lastfm/lastfm-play.js';
import { readPlayLog } from '../../lastfm/play-log.js';
import { readPlays } from '../../lastfm/plays-reader.js';
import { planUser, type UserPlan } from '../../lastfm/user-timeline.js';
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

export interface PlaysSummary {
  readonly path: string;
  readonly plays: number;
  readonly matchedByTitle: number;
  readonly matchedByArtist: number;
  readonly unmatched: number;
  readonly malformed: number;
  readonly duplicates: number;
  readonly malformedSamples: readonly MalformedLine[];
  readonly usersInFile: number;
}

/** The plays file matched against `index`, planned for the first `ctx.users` users by id. */
export async function readPlans(
  ctx: RunContext,
  index: CatalogIndex,
): Promise<{ plans: UserPlan[]; plays: PlaysSummary }> {
  const matcher = CatalogMatcher.build(index.tracks);
  const path = dataPath(ctx.dataDir, 'plays');
  const file = createReadStream(path);
  const progress = ctx.progress('plays bytes');
  const items = withProgress(readPlays(file), { bytesRead: () => file.bytesRead, size: statSync(path).size, progress });
  const log = await readPlayLog(items, { matcher, artistFallback: true });
  const userIds = [...log.timelines.keys()].sort().slice(0, ctx.users);
  const plans = userIds.map((id) => planUser(id, log.timelines.get(id) ?? []));
  const duplicates = plans.reduce((s, p) => s + p.duplicates, 0);
  const plays = {
    path,
    ...log.stats,
    duplicates,
    malformedSamples: log.malformedSamples,
    usersInFile: log.timelines.size,
  };
  return { plans, plays };
}

export async function runNextPlayScenario(ctx: RunContext): Promise<ScenarioOutput> {
  const { catalog, summary } = await catalogFrom(ctx);
  const { plans, plays } = await readPlans(ctx, catalog.index);
  const replay = ctx.progress('users');
  const result = runNextPlay({
    index: catalog.index,
    plans,
    seed: ctx.seed,
    epsilon: ctx.epsilon,
    onUserDone: (d, t) => replay.update(d, t),
  });
  replay.finish();
  return {
    json: { scenario: 'next-play', seed: ctx.seed, inputs: { catalog: summary, plays }, result },
    markdown: nextPlayMarkdown(result, [describeCatalog(summary), describePlays(plays)]),
  };
}

export function describePlays(p: PlaysSummary): string {
  return (
    `${p.path}: ${p.plays} plays (${p.malformed} malformed lines): ${p.matchedByTitle} matched by artist + title, ` +
    `${p.matchedByArtist} by artist only, ${p.unmatched} unmatched; ${p.duplicates} duplicate scrobbles not replayed`
  );
}
