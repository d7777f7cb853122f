/**
 * next-play through the deployed path gives exactly the in-process numbers: a generated
 * 3,000-track catalog imported by the real importer, two users' plays produced to Kafka and
 * applied by the real event processor (child process), every list asked of the recommender
 * (child process, request/reply) with exploration on (ε = 0.1), so sampling, exploration,
 * snapshots, cold-start stages and the play's time must all agree for the lists to match.
 * User 1 listens every 10 h (weeks 2–4 into month 2+), user 2 every 2 h (week 1 into weeks 2–4).
 */
import { tmpdir } from 'node:os';
import type { CatalogIndex } from '../../src/domain/catalog-index.js';
import { createRng } from '../../src/domain/rng.js';
import { runThroughKafka } from '../../src/evaluation/kafka/through-kafka.js';
import type { PlannedPlay, UserPlan } from '../../src/lastfm/user-timeline.js';
import { evaluateOnFixture } from './cli-harness.js';

const HOUR = 3_600_000;
const START = Date.UTC(2024, 0, 1);

/** 90 plays: mostly a dozen favourites (so lists can hit), some skips, repeats and artist-only matches. */
function planOf(userId: string, index: CatalogIndex, gapMs: number): UserPlan {
  const rng = createRng(`plan:${userId}`);
  const favourites = Array.from({ length: 12 }, () => index.tracks[rng.int(index.size)]);
  const plays: PlannedPlay[] = Array.from({ length: 90 }, (_, i) => {
    const track = rng.next() < 0.6 ? favourites[rng.int(favourites.length)] : index.tracks[rng.int(index.size)];
    const skipped = rng.next() < 0.2;
    return {
      eventId: `${userId}-play-${i}`,
      trackId: track.trackId,
      durationMs: track.durationMs,
      kind: rng.next() < 0.8 ? 'title' : 'artist',
      userId,
      playedAt: START + i * gapMs,
      msListened: skipped ? 10_000 : track.durationMs,
      repeat: !skipped && rng.next() < 0.1,
    };
  });
  return { userId, plays, duplicates: 0 };
}

describe('next-play through Kafka', () => {
  it('gives the in-process metrics and lists exactly', async () => {
    const lines: string[] = [];
    const result = await runThroughKafka({
      base: process.env,
      catalog: { kind: 'generated', count: 3000, seed: 'kafka-parity' },
      plans: async (index) => [planOf('kp-user-1', index, 10 * HOUR), planOf('kp-user-2', index, 2 * HOUR)],
      seed: '7',
      epsilon: 0.1,
      concurrency: 2,
      logDir: tmpdir(),
      log: (line) => lines.push(line),
    });
    const { parity, throughKafka, inProcess } = result;
    expect(parity).toEqual({
      identical: true,
      metricsIdentical: true,
      listsCompared: 80,
      listsDiffering: 0,
      differingSamples: [],
      listsMissing: 0,
    });
    expect(throughKafka.counts).toEqual({
      usersInLog: 2,
      usersEvaluated: 2,
      usersTooFewPlays: 0,
      points: 80,
      titlePoints: inProcess.counts.titlePoints,
    });
    expect(throughKafka.methods.ours).toEqual(inProcess.methods.ours);
    // Not a trivial agreement: some plays are hit and some are not, across three stages.
    expect(throughKafka.methods.ours.artistHit50.mean).toBeGreaterThan(0);
    expect(throughKafka.methods.ours.artistHit50.mean).toBeLessThan(1);
    expect(Object.values(throughKafka.byStage).map((s) => s.points)).toEqual([
      inProcess.byStage.week_1.points,
      inProcess.byStage.weeks_2_4.points,
      inProcess.byStage.month_2_plus.points,
    ]);
    expect(Object.values(throughKafka.byStage).filter((s) => s.points > 0)).toHaveLength(3);
  }, 300_000);

  it('runs from the command line on the fixture and writes the comparison', async () => {
    const run = await evaluateOnFixture('next-play', ['--through-kafka', '--seed', '2'], 'next-play-through-kafka');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.json) as { mode: string; parity: { identical: boolean; listsCompared: number } };
    expect(json.mode).toBe('through-kafka');
    expect(json.parity).toMatchObject({ identical: true, listsCompared: 10 });
    expect(run.markdown).toContain('**Identical**');
  }, 120_000);
});
