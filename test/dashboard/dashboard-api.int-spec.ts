/**
 * The dashboard's HTTP side on a gateway over real Kafka, Postgres and Redis: the page and
 * its files, /metrics, the chart data with the state of each source, and the user
 * inspector reading what the event path and the recommender wrote.
 */
import { feedbackEvent, HYPE, listenEvent } from '../../src/domain/test-fixtures.js';
import { decodeUserState } from '../../src/domain/user-state-codec.js';
import { insertRecommendationLog } from '../../src/infra/postgres/recommendation.repository.js';
import type { UserView } from '../../src/dashboard/user-inspector.js';
import type { Overview } from '../../src/dashboard/dashboard-sampler.js';
import type { EventProcessor } from '../../src/learner/event-processor.js';
import { createEventPathEnv, insertTracks, type EventPathEnv } from '../support/event-path.js';
import { startProcessor } from '../support/processor.js';
import { insertProfile } from '../support/recommender-expected.js';
import { waitFor } from '../support/wait-for.js';
import { startDashboardGateway, type DashboardGateway } from './dashboard-env.js';

const PROFILE = { openness: 82, conscientiousness: 35, extraversion: 64, agreeableness: 50, neuroticism: 18 };

describe('dashboard API', () => {
  let env: EventPathEnv;
  let processor: EventProcessor;
  let gateway: DashboardGateway;

  beforeAll(async () => {
    env = await createEventPathEnv('dash_api', { partitions: 2 });
    await insertTracks(env, [HYPE]);
    await insertProfile(env.db.pool, 'dana', PROFILE);
    processor = await startProcessor(env);
    gateway = await startDashboardGateway(env, { partitions: 2, sources: 'learner=http://127.0.0.1:9/metrics' });
  });

  afterAll(async () => {
    await gateway?.close();
    await processor?.stop();
    await env?.close();
  });

  it('serves the page, its files and a 404 for anything else', async () => {
    const page = await gateway.get('/dashboard');
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(await page.text()).toContain('User inspector');
    const script = await gateway.get('/dashboard/assets/dashboard.js');
    expect([script.status, script.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect((await gateway.get('/dashboard/assets/secrets.env')).status).toBe(404);
    expect((await gateway.get('/dashboard/assets/..%2Fpackage.json')).status).toBe(404);
  });

  it('serves its own metrics, counting requests by route template', async () => {
    await gateway.get('/dashboard/api/users/someone');
    const res = await gateway.get('/metrics');
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain(
      'music_http_requests_total{method="GET",route="/dashboard/api/users/:userId",status="200"} 1',
    );
    expect(text).toContain('music_postgres_pool_clients{state="total"}');
    expect(text).not.toContain('someone');
  });

  it('reports each source, down ones included', async () => {
    const overview = (await (await gateway.get('/dashboard/api/overview')).json()) as Overview;
    expect(overview.sources.map((s) => [s.name, s.up])).toEqual([
      ['gateway', true],
      ['learner', false],
    ]);
    expect(overview.intervalMs).toBe(500);
    expect(overview.totals?.eventsApplied).toBeNull();
  });

  it("shows a user's Big Five, preferences, Q-values and latest served list", async () => {
    await env.produce([
      { ...listenEvent('d1', HYPE.trackId, 0, 200_000, 200_000), userId: 'dana' },
      { ...feedbackEvent('d2', HYPE.trackId, 1000, { feedbackType: 'like' }), userId: 'dana' },
    ]);
    await waitFor(() => processor.counters.applied >= 2, { what: "dana's events applied" });
    const row = {
      requestId: 'r1',
      userId: 'dana',
      trackId: HYPE.trackId,
      rank: 1,
      historySimilarity: 0.5,
      personalityMatch: 0.6,
      diversity: 0.2,
      novelty: 0.1,
      rlAdjustment: 0.03,
      finalScore: 0.7,
      reason: 'Because you like Hype Beats',
      exploration: false,
      selectionProbability: 0.9,
      coldStartStage: 'week_1',
      modelVersion: '2',
      createdAt: Date.now(),
    };
    await insertRecommendationLog(env.db.pool, [row]);
    const res = await gateway.get('/dashboard/api/users/dana');
    expect(res.status).toBe(200);
    const user = (await res.json()) as UserView;
    const [model] = (
      await env.db.pool.query<{ state: Buffer }>("SELECT state FROM music_rl_models WHERE user_id = 'dana'")
    ).rows;
    const { modelVersion } = decodeUserState(model.state);
    expect(user).toMatchObject({ userId: 'dana', modelVersion, episodes: 2, personality: PROFILE });
    expect(user.genres.length).toBeGreaterThan(0);
    expect(user.topQ[0]).toMatchObject({ labels: { bucket: expect.any(String) }, recommend: expect.any(Number) });
    expect(user.recommendations).toMatchObject({
      requestId: 'r1',
      coldStartStage: 'week_1',
      tracks: [
        {
          rank: 1,
          trackId: HYPE.trackId,
          name: HYPE.name,
          scores: { final: 0.7, rlAdjustment: 0.03 },
          reason: 'Because you like Hype Beats',
        },
      ],
    });
    expect((await gateway.get('/dashboard/api/users/no%20spaces')).status).toBe(400);
  });
});
