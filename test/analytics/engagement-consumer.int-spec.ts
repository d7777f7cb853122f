/**
 * The engagement consumer on real Kafka and Postgres: reward records and decisions (with an
 * at-least-once duplicate of each and one undecodable record) are produced to an isolated
 * prefix, the catalog facts come from the schema's `tracks`, and the summary is exact.
 */
import { EngagementConsumer } from '../../src/analytics/engagement.consumer.js';
import { RECORD_SAMPLES } from '../../src/contracts/record-samples.js';
import type { Decision, RewardRecord } from '../../src/contracts/records.js';
import { syntheticTracks } from '../../src/domain/test-fixtures.js';
import { createLogger } from '../../src/infra/logging/logger.js';
import { createEventPathEnv, insertTracks, type EventPathEnv } from '../support/event-path.js';
import { waitFor } from '../support/wait-for.js';

const HOUR = 3_600_000;
const JAN = Date.UTC(2024, 0, 10);
const FEB = Date.UTC(2024, 1, 10);
const MAR = Date.UTC(2024, 2, 10);
const TRACKS = syntheticTracks(4, 'analytics').map((t, i) => ({
  ...t,
  artists: [['Ana'], ['Bo'], ['Cy'], ['Di']][i],
  genres: [['pop'], ['rock'], ['jazz'], ['metal']][i],
}));
const T = TRACKS.map((t) => t.trackId);
// Binary fractions, so sums are exact whatever order the partitions are read in.
const REWARD: Record<string, [base: number, final: number]> = {
  play: [0.8, 0.75],
  skip: [-0.4, -0.5],
  save: [1.5, 1.5],
};

function reward(id: string, user: string, track: string, type: string, at: number): RewardRecord {
  const [base_reward, final_reward] = REWARD[type];
  const sample = RECORD_SAMPLES['music.RewardRecord'];
  return {
    ...sample,
    event_id: id,
    user_id: user,
    track_id: track,
    feedback_type: type,
    base_reward,
    final_reward,
    occurred_at: at,
  };
}

function decision(id: string, user: string, tracks: string[], at: number): Decision {
  const sample = RECORD_SAMPLES['music.Decision'];
  const chosen = tracks.map((track_id, i) => ({ ...sample.chosen[0], track_id, rank: i + 1 }));
  return { ...sample, request_id: id, user_id: user, decided_at: at, chosen };
}

const REWARDS = [
  reward('e1', 'u1', T[0], 'play', JAN + HOUR),
  reward('e2', 'u1', T[1], 'skip', JAN + 2 * HOUR),
  reward('e3', 'u1', T[1], 'play', FEB),
  reward('e4', 'u1', T[2], 'save', FEB + HOUR),
  reward('e1', 'u1', T[0], 'play', JAN + HOUR), // the outbox relay resent it
  reward('e5', 'u2', T[2], 'play', JAN + HOUR),
  reward('e6', 'u2', T[3], 'play', JAN + 2 * HOUR),
  reward('e7', 'u2', T[3], 'skip', MAR),
];
const DECISIONS = [decision('d1', 'u1', [T[0], T[1]], JAN), decision('d2', 'u2', [T[2], T[3]], JAN)];

describe('engagement consumer (real Kafka and Postgres)', () => {
  let env: EventPathEnv;
  let consumer: EngagementConsumer;
  const groupId = `analytics-${Date.now().toString(36)}`;

  beforeAll(async () => {
    env = await createEventPathEnv('analytics');
    await insertTracks(env, TRACKS);
    const send = (topic: string, messages: Array<{ key: string; value: Buffer }>) =>
      env.producer.send({ topic: env.topic(topic === 'rewards' ? 'rewards' : 'decisions'), acks: -1, messages });
    await send(
      'rewards',
      REWARDS.map((r) => ({ key: r.user_id, value: env.registry.encode('music.RewardRecord', r) })),
    );
    await send('rewards', [{ key: 'u1', value: Buffer.from('not avro') }]);
    const decisions = [...DECISIONS, DECISIONS[0]];
    await send(
      'decisions',
      decisions.map((d) => ({ key: d.user_id, value: env.registry.encode('music.Decision', d) })),
    );
    consumer = new EngagementConsumer({
      kafka: env.kafka,
      registry: env.registry,
      db: env.db.pool,
      topics: { rewards: env.topic('rewards'), decisions: env.topic('decisions') },
      groupId,
      log: createLogger({ level: 'error', name: 'analytics-test' }),
    });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    const admin = env.kafka.admin();
    await admin.connect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
    await env?.close();
  });

  it('reads both streams, drops duplicates and skips the undecodable record', async () => {
    await waitFor(() => consumer.counters.records === 12, { what: 'all 12 records', timeoutMs: 60_000 });
    const s = consumer.snapshot();
    expect(consumer.counters.undecodable).toBe(1);
    expect(s.overall).toEqual({
      users: 2,
      rewards: 7,
      decisions: 2,
      recommendedTracks: 4,
      recommendedListened: 4, // u1: T0 played, T1 skipped first; u2: T2, T3 played first
      recommendedPlayed: 3,
      playedShare: 3 / 4,
      newArtists: 2, // u1: Bo and Cy in February; u2 only listened to new artists in its first month
      discoveryMonths: 2,
      newArtistsPerMonth: 1,
      genreEntropyBits: 2,
      listens: 6,
      skipRate: 2 / 6,
      saveRate: 1 / 6,
      duplicatesDropped: { rewards: 1, decisions: 1 },
      unknownTracks: 0,
    });
    expect(s.users.u1).toMatchObject({ playedShare: 1 / 2, newArtistsPerMonth: 2, genreEntropyBits: 1 });
    expect(s.rewardsByFeedback.play).toMatchObject({ count: 4, mean: 0.75 });
    expect(s.goals.map((g) => g.met)).toEqual([true, false, false]);
    expect(JSON.parse(consumer.summaryJson())).toEqual(JSON.parse(JSON.stringify(s)));
  });
});
