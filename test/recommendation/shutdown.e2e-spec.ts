/**
 * A graceful stop of the recommender loses no side effect: SIGTERM while requests are in
 * flight, then every OK reply that reached the caller has its decision record on the
 * decisions topic and its log rows in music_recommendations (both are written behind the
 * reply and drained at shutdown, docs/recommendation.md).
 */
import type { RecommendationReply } from '../../src/contracts/records.js';
import { syntheticTracks } from '../../src/domain/test-fixtures.js';
import { createEventPathEnv, insertTracks, type EventPathEnv } from '../support/event-path.js';
import { decisionsFor, logRowCounts } from '../support/decision-log.js';
import type { Requester } from '../support/recommender-client.js';
import { startServingRecommender, type RecommenderProcess } from '../support/recommender-process.js';

const REQUESTS = 300;

describe('recommender: graceful shutdown', () => {
  let env: EventPathEnv;
  let recommender: RecommenderProcess;
  let requester: Requester;

  beforeAll(async () => {
    env = await createEventPathEnv('recs_stop');
    await insertTracks(env, syntheticTracks(300, 'recs-stop-catalog'));
    ({ recommender, requester } = await startServingRecommender(env));
  });

  afterAll(async () => {
    await requester?.close();
    await recommender?.stop();
    await env?.close();
  });

  it('writes the decision and log rows of every answered request before it exits', async () => {
    const inFlight = Array.from({ length: REQUESTS }, (_, i) =>
      requester.request({ user_id: `stopper-${i % 20}`, max_results: 10 }, 5000),
    );
    // Stop once the first answers are back, with the rest still being handled or queued.
    await Promise.race(inFlight);
    const stopped = recommender.stop();
    const settled = await Promise.allSettled(inFlight);
    await stopped;

    const ok = settled
      .filter((s): s is PromiseFulfilledResult<RecommendationReply> => s.status === 'fulfilled')
      .map((s) => s.value)
      .filter((r) => r.status === 'OK');
    expect(ok.length).toBeGreaterThan(0);
    const ids = new Set(ok.map((r) => r.request_id));
    // The process has exited: whatever it wrote is all there will be.
    const decisions = await decisionsFor(env, ids);
    expect(new Set(decisions.map((d) => d.request_id).filter((id) => ids.has(id))).size).toBe(ids.size);
    expect(await logRowCounts(env, ids)).toEqual(Object.fromEntries(ok.map((r) => [r.request_id, r.tracks.length])));
  });
});
