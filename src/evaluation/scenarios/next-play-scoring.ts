/**
 * Scoring of recommended lists against the next play, and next-play's two-level means (per
 * user first, then across users ± standard error, so a heavy listener does not outweigh the
 * rest), overall and per cold-start stage. Shared by the in-process replay and the replay
 * through Kafka, so identical lists always reduce to identical numbers.
 */
import { COLD_START_STAGES, type ColdStartStage } from '../../domain/cold-start.js';
import type { PlannedPlay } from '../../lastfm/user-timeline.js';
import { hitRateAtK, reciprocalRank } from '../metrics/ranking-metrics.js';
import { meanWithError, type MeanWithError } from '../metrics/reward-curves.js';
import type { NextPlayContext } from './next-play-methods.js';

export const METRICS = ['artistHit10', 'artistHit50', 'artistRR', 'trackHit10', 'trackHit50', 'trackRR'] as const;
export type Metric = (typeof METRICS)[number];
/** method → metric → mean over users of the per-user mean (track metrics over title-matched points). */
export type MethodMetrics = Record<string, Record<Metric, MeanWithError>>;

export interface StageMetrics {
  /** Users with at least one evaluated play in the stage. */
  readonly users: number;
  readonly points: number;
  readonly methods: MethodMetrics;
}

export function byMetric<T>(value: (metric: Metric) => T): Record<Metric, T> {
  const out = {} as Record<Metric, T>;
  for (const k of METRICS) out[k] = value(k);
  return out;
}

type Values = Record<Metric, number[]>;

const mean = (xs: readonly number[]): number => (xs.length === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length);

/** One user's values per method, over all points and per cold-start stage. */
export class UserScores {
  private readonly all = new Map<string, Values>();
  private readonly stages = new Map<ColdStartStage, Map<string, Values>>();
  private readonly stagePoints = new Map<ColdStartStage, Set<number>>();

  constructor(private readonly methods: readonly string[]) {}

  /** Scores `list` (catalog indices, best first) for the play at position `at` of the user's plays. */
  add(o: {
    method: string;
    stage: ColdStartStage;
    at: number;
    list: readonly number[];
    play: PlannedPlay;
    ctx: NextPlayContext;
  }): void {
    const { ctx, play } = o;
    const stage = this.stages.get(o.stage) ?? new Map<string, Values>();
    this.stages.set(o.stage, stage);
    const points = this.stagePoints.get(o.stage) ?? new Set<number>();
    this.stagePoints.set(o.stage, points.add(o.at));
    const targets = [this.valuesOf(this.all, o.method), this.valuesOf(stage, o.method)];
    const artists = new Set(ctx.artists.keysOf(ctx.index.idToIndex.get(play.trackId) as number));
    const byArtist = o.list.map((i) => ctx.artists.keysOf(i));
    const push = (metric: Metric, value: number): void => targets.forEach((t) => t[metric].push(value));
    push('artistHit10', hitRateAtK(byArtist, artists, 10));
    push('artistHit50', hitRateAtK(byArtist, artists, 50));
    push('artistRR', reciprocalRank(byArtist, artists));
    if (play.kind !== 'title') return; // an artist-only match stands in for an unknown track
    const byTrack = o.list.map((i) => ctx.index.tracks[i].trackId);
    const track = new Set([play.trackId]);
    push('trackHit10', hitRateAtK(byTrack, track, 10));
    push('trackHit50', hitRateAtK(byTrack, track, 50));
    push('trackRR', reciprocalRank(byTrack, track));
  }

  /** Title-matched points scored for `method`. */
  titlePoints(method: string): number {
    return this.all.get(method)?.trackRR.length ?? 0;
  }

  /** method → metric → this user's mean (NaN without values). */
  means(stage?: ColdStartStage): Record<string, Record<Metric, number>> {
    const source = stage === undefined ? this.all : (this.stages.get(stage) ?? new Map<string, Values>());
    return Object.fromEntries(
      this.methods.filter((m) => source.has(m)).map((m) => [m, byMetric((k) => mean((source.get(m) as Values)[k]))]),
    );
  }

  pointsIn(stage: ColdStartStage): number {
    return this.stagePoints.get(stage)?.size ?? 0;
  }

  private valuesOf(map: Map<string, Values>, method: string): Values {
    const found = map.get(method);
    if (found) return found;
    const fresh = byMetric(() => [] as number[]);
    map.set(method, fresh);
    return fresh;
  }
}

/** Means across users of the per-user means; users without a value for a metric are left out. */
export function acrossUsers(
  perUser: ReadonlyArray<Record<string, Record<Metric, number>>>,
  methods: readonly string[],
) {
  const out: MethodMetrics = {};
  for (const m of methods) {
    out[m] = byMetric((k) =>
      meanWithError(perUser.flatMap((u) => (u[m] === undefined || Number.isNaN(u[m][k]) ? [] : [u[m][k]]))),
    );
  }
  return out;
}

export function summariseUsers(
  users: readonly UserScores[],
  methods: readonly string[],
): { methods: MethodMetrics; byStage: Record<ColdStartStage, StageMetrics> } {
  const byStage = {} as Record<ColdStartStage, StageMetrics>;
  for (const stage of COLD_START_STAGES) {
    const inStage = users.filter((u) => u.pointsIn(stage) > 0);
    byStage[stage] = {
      users: inStage.length,
      points: inStage.reduce((s, u) => s + u.pointsIn(stage), 0),
      methods: acrossUsers(
        inStage.map((u) => u.means(stage)),
        methods,
      ),
    };
  }
  return {
    methods: acrossUsers(
      users.map((u) => u.means()),
      methods,
    ),
    byStage,
  };
}
