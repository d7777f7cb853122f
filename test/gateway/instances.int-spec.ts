/**
 * Several gateway instances on one reply topic: every request is answered, each with its
 * own reply, also while another instance joins (with one shared reply group, that join
 * would rebalance the reply partitions under the requests in flight).
 */
import type { Admin } from 'kafkajs';
import type { RecommendationsResponse } from '../../src/gateway/api/recommendation.dto.js';
import { createGatewayEnv, readJson, type GatewayEnv, type GatewayInstance } from '../support/gateway-env.js';
import { startFakeResponder, type FakeResponder } from '../support/gateway-responder.js';

const PER_INSTANCE = 60;

interface Outcome {
  readonly userId: string;
  readonly limit: number;
  readonly status: number;
  readonly body: RecommendationsResponse;
  readonly ms: number;
}

async function burst(gateway: GatewayInstance, label: string): Promise<Outcome[]> {
  return Promise.all(
    Array.from({ length: PER_INSTANCE }, async (_, i) => {
      const userId = `${label}-user-${i}`;
      const limit = (i % 5) + 1;
      const started = performance.now();
      const res = await gateway.get(`/v1/users/${userId}/recommendations?limit=${limit}`);
      return {
        userId,
        limit,
        status: res.status,
        body: await readJson<RecommendationsResponse>(res),
        ms: performance.now() - started,
      };
    }),
  );
}

function expectOwnReplies(outcomes: readonly Outcome[]): void {
  for (const o of outcomes) {
    expect({ userId: o.userId, status: o.status }).toEqual({ userId: o.userId, status: 200 });
    expect(o.body.userId).toBe(o.userId);
    // The fake recommender names tracks after the request id: a crossed reply shows here.
    expect(o.body.tracks.map((t) => t.trackId)).toEqual(
      Array.from({ length: Math.min(o.limit, 3) }, (_, i) => `${o.body.requestId}-t${i + 1}`),
    );
  }
}

async function replyGroups(admin: Admin, env: GatewayEnv): Promise<string[]> {
  const { groups } = await admin.listGroups();
  return groups.map((g) => g.groupId).filter((id) => id.startsWith(`${env.name}-gateway-replies`));
}

describe('gateway: several instances share the reply topic without losing replies', () => {
  let env: GatewayEnv;
  let responder: FakeResponder;
  let admin: Admin;

  beforeAll(async () => {
    env = await createGatewayEnv('gw_multi', { partitions: 3 });
    responder = await startFakeResponder(env);
    admin = env.kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.disconnect();
    await responder?.stop();
    await env?.close();
  });

  it('answers every concurrent request of two instances, and of a third joining mid-burst', async () => {
    const [a, b] = await Promise.all([env.startGateway(), env.startGateway()]);
    expect(await replyGroups(admin, env)).toHaveLength(2);

    const bursts = [burst(a, 'a'), burst(b, 'b')];
    const c = await env.startGateway();
    bursts.push(burst(c, 'c'), burst(a, 'a2'));
    const outcomes = (await Promise.all(bursts)).flat();

    expect(outcomes).toHaveLength(4 * PER_INSTANCE);
    expectOwnReplies(outcomes);
    expect(new Set(outcomes.map((o) => o.body.requestId)).size).toBe(outcomes.length);
    expect(responder.received).toHaveLength(outcomes.length);
    // Every instance is alone in its reply group, so its replies never move to another instance.
    expect(await replyGroups(admin, env)).toHaveLength(3);

    const sorted = outcomes.map((o) => o.ms).sort((x, y) => x - y);
    const p95 = sorted[Math.floor(sorted.length * 0.95)];
    expect(p95).toBeLessThan(5000);

    await Promise.all([a.close(), b.close(), c.close()]);
    // Shutdown deletes each instance's reply group: restarts leave no clutter on the broker.
    expect(await replyGroups(admin, env)).toEqual([]);
  });
});
