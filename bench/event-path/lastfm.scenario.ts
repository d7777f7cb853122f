/**
 * The event path on real listening histories: the Last.fm 1K plays matched to the full
 * Spotify catalog by src/lastfm (artist + title, artist fallback), planned per user
 * (listen time inferred, repeats flagged) and replayed interleaved round-robin across
 * users, then measured like the generated scales (same ceiling, same durable check).
 *
 * src/lastfm is loaded at run time: it may not exist in every checkout, and the bench
 * then reports the scenario as skipped instead of failing to compile.
 */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Track } from '../../src/domain/types.js';
import type { UserEvent } from '../../src/domain/user-state.js';
import { openBenchEnv } from '../lib/bench-env.js';
import { kafkaCeiling } from '../lib/kafka-perf.js';
import { SHARED_DATA } from '../lib/paths.js';
import { importFullCatalog } from '../rec-path/catalog.js';
import { readTracks } from '../rec-path/rec-path.scenario.js';
import { produceEvents } from './event-generator.js';
import { measureProcessing, type ThroughputResult } from './throughput.scenario.js';

/** The slice of src/lastfm this scenario uses, as declared there. */
interface LastfmModules {
  CatalogMatcher: { build(tracks: Iterable<Track>): unknown };
  readPlays(input: Readable): AsyncIterable<unknown>;
  readPlayLog(
    items: AsyncIterable<unknown>,
    o: { matcher: unknown; artistFallback: boolean },
  ): Promise<{ timelines: ReadonlyMap<string, readonly unknown[]> }>;
  planUser(userId: string, timeline: readonly unknown[]): { plays: readonly unknown[] };
  eventsOfPlay(play: unknown): UserEvent[];
}

export type LastfmOutcome = ({ readonly plays: number } & ThroughputResult) | { readonly skipped: string };

async function loadLastfm(): Promise<LastfmModules | null> {
  const dir = new URL('../../src/lastfm/', import.meta.url);
  const names = ['catalog-matcher', 'plays-reader', 'play-log', 'user-timeline', 'play-events'];
  try {
    const modules = await Promise.all(names.map((n) => import(new URL(`${n}.js`, dir).href) as Promise<object>));
    return Object.assign({}, ...modules) as LastfmModules;
  } catch (error) {
    process.stderr.write(`[bench] src/lastfm not loadable: ${String(error)}\n`);
    return null;
  }
}

export async function runLastfm(o: { partitions: number }): Promise<LastfmOutcome> {
  const plays = join(process.env.MUSIC_DATA_DIR ?? SHARED_DATA, 'lastfm-1k', 'plays.tsv.gz');
  if (!existsSync(plays)) return { skipped: `no Last.fm plays at ${plays}` };
  const lastfm = await loadLastfm();
  if (!lastfm) return { skipped: 'src/lastfm is not in this build' };
  const env = await openBenchEnv('bench_lfm', o.partitions);
  try {
    await importFullCatalog(env.db.pool);
    const matcher = lastfm.CatalogMatcher.build(await readTracks(env));
    const log = await lastfm.readPlayLog(lastfm.readPlays(createReadStream(plays)), { matcher, artistFallback: true });
    const perUser = [...log.timelines].map(([userId, timeline]) =>
      lastfm.planUser(userId, timeline).plays.flatMap(lastfm.eventsOfPlay),
    );
    const events = interleave(perUser);
    const topic = env.topic('userEvents');
    const produced = await produceEvents({ producer: env.producer, registry: env.registry, topic, events });
    const group = `${env.name}-cperf`;
    for (const k of [1, 2, 3]) env.groups.add(`${group}-${k}`);
    const kafka = await kafkaCeiling({ topic, messages: events.length, group });
    const userIds = perUser.filter((list) => list.length > 0).map((list) => list[0].userId);
    const measured = await measureProcessing(env, {
      events: events.length,
      partitions: o.partitions,
      userIds,
      produced,
      kafka,
    });
    return { plays: [...log.timelines.values()].reduce((s, t) => s + t.length, 0), ...measured };
  } finally {
    await env.close();
  }
}

/** Round-robin across users, each user's events in their own order (as a live stream of many players). */
function interleave(perUser: readonly UserEvent[][]): UserEvent[] {
  const out: UserEvent[] = [];
  const longest = Math.max(0, ...perUser.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const list of perUser) if (i < list.length) out.push(list[i]);
  return out;
}
