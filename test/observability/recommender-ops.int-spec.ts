/**
 * The real recommender process (dist/) with METRICS_PORT: ready once migrated, catalog
 * loaded and Kafka reachable; its outcome, cache, rate-limit and latency series count
 * exactly the requests sent.
 */
import { syntheticTracks } from '../../src/domain/test-fixtures.js';
import { createEventPathEnv, insertTracks, type EventPathEnv } from '../support/event-path.js';
import { freePort } from '../support/private-services.js';
import type { Requester } from '../support/recommender-client.js';
import { startServingRecommender, type RecommenderProcess } from '../support/recommender-process.js';
import { waitFor } from '../support/wait-for.js';
import { opsEndpoint, type OpsEndpoint } from './ops-endpoint.js';

const RATE_LIMIT = 3;

describe('recommender operations endpoint', () => {
  let env: EventPathEnv;
  let recommender: RecommenderProcess;
  let requester: Requester;
  let ops: OpsEndpoint;

  beforeAll(async () => {
    env = await createEventPathEnv('ops_recs');
    await insertTracks(env, syntheticTracks(200, 'ops-recs-catalog'));
    const port = await freePort();
    ops = opsEndpoint(port);
    ({ recommender, requester } = await startServingRecommender(env, {
      METRICS_PORT: String(port),
      USER_RATE_LIMIT: String(RATE_LIMIT),
    }));
  });

  afterAll(async () => {
    await requester?.close();
    await recommender?.stop();
    await env?.close();
  });

  it('is ready with every dependency up and the catalog loaded', async () => {
    await waitFor(async () => (await ops.health('ready')).status === 200, {
      what: `ready (log ${recommender.logFile})`,
    });
    expect((await ops.health('ready')).body).toEqual({
      status: 'ready',
      checks: { running: true, kafka: true, postgres: true, redis: true, catalog: true },
    });
    expect(await ops.health('live')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('counts outcomes, list-cache hits and misses, rate limiting and latency by source', async () => {
    const before = await ops.samples();
    const ok = await ops.value('music_recommendation_requests_total', { outcome: 'ok' });
    const status = async (refresh = false) =>
      (await requester.request({ user_id: 'ops-user', max_results: 5, force_refresh: refresh })).status;
    expect([await status(), await status(), await status(true), await status()]).toEqual([
      'OK',
      'OK',
      'OK',
      'RATE_LIMITED',
    ]);
    const value = (name: string, where: Record<string, string> = {}) => ops.value(name, where);
    expect(await value('music_recommendation_requests_total', { outcome: 'ok' })).toBe(ok + 3);
    expect(await value('music_recommendation_requests_total', { outcome: 'rate_limited' })).toBe(1);
    expect(await value('music_rate_limit_rejections_total')).toBe(1);
    const listCache = { cache: 'recommendation_list' };
    const hitsBefore = before.filter((s) => s.name === 'music_cache_requests_total' && s.labels.result === 'hit');
    expect(await value('music_cache_requests_total', { ...listCache, result: 'hit' })).toBe(
      hitsBefore.reduce((n, s) => n + s.value, 0) + 1,
    );
    // The probe user's lists were computed; ops-user: one computed, one cached, one forced refresh.
    expect(await value('music_recommendation_duration_seconds_count', { source: 'cached' })).toBe(1);
    expect(await value('music_recommendation_duration_seconds_count', { source: 'computed' })).toBe(
      (await value('music_cache_requests_total', { ...listCache, result: 'miss' })) + 1,
    );
    expect(await value('music_errors_total', { kind: 'recommendation' })).toBe(0);
  });
});
