/**
 * One user's plays put in time order and turned into planned listens: listen time
 * inferred, repeats flagged, duplicate scrobbles set aside. Pure: the same plays always
 * give the same plan.
 */
import type { MatchKind } from './catalog-matcher.js';
import { inferListenMs, isRepeat } from './listen-rules.js';

/** What is kept of each play: unmatched plays keep only their time (they still end the previous listen). */
export interface TimelinePlay {
  readonly playedAt: number;
  readonly lineNumber: number;
  readonly match: MatchedPlay | null;
}

export interface MatchedPlay {
  /** Deterministic id of the scrobble (see scrobbleEventId). */
  readonly eventId: string;
  readonly trackId: string;
  readonly durationMs: number;
  readonly kind: MatchKind;
}

export interface PlannedPlay extends MatchedPlay {
  readonly userId: string;
  readonly playedAt: number;
  readonly msListened: number;
  readonly repeat: boolean;
}

export interface UserPlan {
  readonly userId: string;
  readonly plays: readonly PlannedPlay[];
  /** Matched scrobbles identical to an earlier one (same user, time, artist and title): not replayed. */
  readonly duplicates: number;
}

/**
 * Time order; at equal timestamps the later line first, because the dataset lists each
 * user's plays newest first.
 */
export function byTime(a: TimelinePlay, b: TimelinePlay): number {
  return a.playedAt - b.playedAt || b.lineNumber - a.lineNumber;
}

export function planUser(userId: string, timeline: readonly TimelinePlay[]): UserPlan {
  const sorted = [...timeline].sort(byTime);
  const plays: PlannedPlay[] = [];
  const seen = new Set<string>();
  // Only exact matches: an artist stand-in track says nothing about replaying one song.
  const lastPlayed = new Map<string, number>();
  let duplicates = 0;
  sorted.forEach((p, i) => {
    const m = p.match;
    if (!m) return;
    if (seen.has(m.eventId)) {
      duplicates++;
      return;
    }
    seen.add(m.eventId);
    const msListened = inferListenMs({ playedAt: p.playedAt, durationMs: m.durationMs }, nextTime(sorted, i));
    const previousPlayedAt = m.kind === 'title' ? (lastPlayed.get(m.trackId) ?? null) : null;
    if (m.kind === 'title') lastPlayed.set(m.trackId, p.playedAt);
    const repeat = isRepeat({ playedAt: p.playedAt, previousPlayedAt, msListened, durationMs: m.durationMs });
    plays.push({ ...m, userId, playedAt: p.playedAt, msListened, repeat });
  });
  return { userId, plays, duplicates };
}

function nextTime(sorted: readonly TimelinePlay[], i: number): number | null {
  return i + 1 < sorted.length ? sorted[i + 1].playedAt : null;
}
