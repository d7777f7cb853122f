/**
 * USER_RATE_LIMIT (100) requests per window per user, over Kafka. The window is shortened
 * to 10 s (USER_RATE_LIMIT_WINDOW_MS) so "allowed again later" needs no minute of waiting.
 */
import type { Decision, RecommendationReply } from '../../src/contracts/records.js';
import { syntheticTracks } from '../../src/domain/test-fixtures.js';
import { consumeAll, createEventPathEnv, insertTracks, type EventPathEnv } from '../support/event-path.js';
import type { Requester } from '../support/recommender-client.js';
import { startServingRecommender, type RecommenderProcess } from '../support/recommender-process.js';
import { waitFor } from '../support/wait-for.js';

const WINDOW_MS = 10_000;

describe('per-user rate limit over Kafka', () => {
  let env: EventPathEnv;
  let recommender: RecommenderProcess;
  let requester: Requester;

  beforeAll(async () => {
    env = await createEventPathEnv('recs_rate');
    await insertTracks(env, syntheticTracks(300, 'rate-catalog'));
    ({ recommender, requester } = await startServingRecommender(env, { USER_RATE_LIMIT_WINDOW_MS: String(WINDOW_MS) }));
  });

  afterAll(async () => {
    await requester?.close();
    await recommender?.stop();
    await env?.close();
  });

  it('refuses the 101st request of a window with retry_after_ms and admits again once a slot frees', async () => {
    const sentAt = Date.now();
    const burst = await Promise.all(Array.from({ length: 101 }, () => requester.request({ user_id: 'busy' })));
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 'OK')).toHaveLength(100);
    const refused = burst.filter((r) => r.status === 'RATE_LIMITED');
    expect(refused).toHaveLength(1);
    const [limited] = refused;
    expect(limited).toMatchObject({
      tracks: [],
      total_candidates: 0,
      error: expect.stringMatching(/^rate limit exceeded/),
    });
    expect(limited.retry_after_ms).toBeGreaterThan(0);
    expect(limited.retry_after_ms).toBeLessThanOrEqual(WINDOW_MS);

    // Other users have their own window.
    expect((await requester.request({ user_id: 'calm' })).status).toBe('OK');

    const polls: RecommendationReply[] = [];
    const admitted = await waitFor(
      async () => {
        const reply = await requester.request({ user_id: 'busy' });
        polls.push(reply);
        return reply.status === 'OK' && reply;
      },
      { timeoutMs: WINDOW_MS + 10_000, intervalMs: 250, what: 'busy to be admitted again' },
    );
    // The refusal happened after `sentAt`; the admission at least retry_after_ms later.
    expect(Date.now()).toBeGreaterThanOrEqual(sentAt + (limited.retry_after_ms as number));
    expect(polls.slice(0, -1).every((r) => r.status === 'RATE_LIMITED')).toBe(true);

    const refusedIds = new Set([limited, ...polls.slice(0, -1)].map((r) => r.request_id));
    const okIds = new Set([...burst, admitted].filter((r) => r.status === 'OK').map((r) => r.request_id));
    const decisions = await consumeAll<Decision>(
      env,
      env.topic('decisions'),
      (v) => env.registry.decode(v, 'music.Decision'),
      (items) => items.filter((d) => okIds.has(d.request_id)).length >= okIds.size,
      30_000,
    );
    expect(decisions.filter((d) => okIds.has(d.request_id))).toHaveLength(okIds.size);
    expect(decisions.filter((d) => refusedIds.has(d.request_id))).toEqual([]);
  });
});
