/**
 * Reads a whole play log into per-user timelines while matching each play to the
 * catalog. What is held per play is a timestamp plus, for matched plays, a reference to
 * the catalog track: the names are dropped once matched. Every line is counted in
 * exactly one of matched-by-title, matched-by-artist, unmatched or malformed.
 */
import type { CatalogMatcher } from './catalog-matcher.js';
import type { LastfmPlay, MalformedLine, Parsed } from './lastfm-play.js';
import { scrobbleEventId } from './play-events.js';
import type { TimelinePlay } from './user-timeline.js';

export interface PlayLogStats {
  /** Well-formed plays (malformed lines are not plays). */
  plays: number;
  matchedByTitle: number;
  /** Artist-only fallback: the play stands in as its artist's most popular catalog track. */
  matchedByArtist: number;
  unmatched: number;
  malformed: number;
}

export interface PlayLog {
  readonly timelines: ReadonlyMap<string, readonly TimelinePlay[]>;
  readonly stats: Readonly<PlayLogStats>;
  /** The first malformed lines, in file order (all of them are counted in stats.malformed). */
  readonly malformedSamples: readonly MalformedLine[];
}

export interface PlayLogOptions {
  readonly matcher: CatalogMatcher;
  readonly artistFallback: boolean;
  readonly maxMalformedSamples?: number;
}

export async function readPlayLog(items: AsyncIterable<Parsed<LastfmPlay>>, options: PlayLogOptions): Promise<PlayLog> {
  const stats: PlayLogStats = { plays: 0, matchedByTitle: 0, matchedByArtist: 0, unmatched: 0, malformed: 0 };
  const samples: MalformedLine[] = [];
  const timelines = new Map<string, TimelinePlay[]>();
  for await (const item of items) {
    if (!item.ok) {
      stats.malformed++;
      if (samples.length < (options.maxMalformedSamples ?? 10)) samples.push(item.bad);
      continue;
    }
    const play = item.value;
    stats.plays++;
    const timeline = timelines.get(play.userId) ?? [];
    if (timeline.length === 0) timelines.set(play.userId, timeline);
    timeline.push(toTimelinePlay(play, options, stats));
  }
  return { timelines, stats, malformedSamples: samples };
}

function toTimelinePlay(play: LastfmPlay, options: PlayLogOptions, stats: PlayLogStats): TimelinePlay {
  const m = options.matcher.match(play.artistName, play.trackName, { artistFallback: options.artistFallback });
  if (!m) {
    stats.unmatched++;
    return { playedAt: play.playedAt, lineNumber: play.lineNumber, match: null };
  }
  if (m.kind === 'title') stats.matchedByTitle++;
  else stats.matchedByArtist++;
  return {
    playedAt: play.playedAt,
    lineNumber: play.lineNumber,
    match: { eventId: scrobbleEventId(play), trackId: m.track.trackId, durationMs: m.track.durationMs, kind: m.kind },
  };
}
