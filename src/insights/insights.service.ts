/**
 * Listening insights of one user, from what the learner recorded: per-track aggregates
 * (listening_history joined with the catalog) and every listening event's hour and context
 * (music_interactions). The maths is the domain's computeInsights.
 */
import { computeInsights, type Insights, type PlayMoment } from '../domain/insights.js';
import type { Executor } from '../infra/postgres/pool.js';
import {
  countPlayMoments,
  findHistoryTracks,
  type PlayMomentCount,
} from '../infra/postgres/listening-history.repository.js';
import { SPOTIFY_TOP_EVENT_PREFIX } from '../session/spotify-plays.js';

export interface InsightsRequest {
  readonly userId: string;
  /** IANA zone for the hour-of-day bins (already validated). */
  readonly timeZone: string;
  readonly top: number;
}

export class InsightsService {
  constructor(private readonly deps: { readonly db: Executor }) {}

  async insights(request: InsightsRequest): Promise<Insights> {
    const { db } = this.deps;
    const [tracks, moments] = await Promise.all([
      findHistoryTracks(db, request.userId),
      // Spotify top tracks are recorded at sync time, not play time: no hour for them.
      countPlayMoments(db, { ...request, undatedPrefix: SPOTIFY_TOP_EVENT_PREFIX }),
    ]);
    return computeInsights({ tracks, plays: expand(moments), topN: request.top });
  }
}

/** computeInsights counts individual plays; Postgres already grouped them. */
function expand(counts: readonly PlayMomentCount[]): PlayMoment[] {
  return counts.flatMap((c) => Array.from({ length: c.plays }, () => ({ hour: c.hour, context: c.context })));
}
