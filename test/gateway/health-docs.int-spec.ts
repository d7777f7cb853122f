/** Health endpoints, and an OpenAPI document that matches the routes the app really serves. */
import { EventPublisher } from '../../src/gateway/event.publisher.js';
import type { ErrorResponse, HealthResponse } from '../../src/gateway/api/common.dto.js';
import { createGatewayEnv, readJson, type GatewayEnv, type GatewayInstance } from '../support/gateway-env.js';

interface RouterLayer {
  readonly route?: { readonly path: string; readonly methods: Readonly<Record<string, boolean>> };
}

/** "GET /v1/users/{userId}/recommendations" for every express route, the docs' own excepted. */
function servedRoutes(gateway: GatewayInstance): string[] {
  const router = (gateway.app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } }).router;
  return router.stack
    .flatMap((layer) => (layer.route ? Object.keys(layer.route.methods).map((m) => [m, layer.route!.path]) : []))
    .filter(([, path]) => !path.startsWith('/docs'))
    .map(([method, path]) => `${method.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`)
    .sort();
}

describe('gateway: health and OpenAPI', () => {
  let env: GatewayEnv;
  let gateway: GatewayInstance;

  beforeAll(async () => {
    env = await createGatewayEnv('gw_health');
    gateway = await env.startGateway();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('is live and ready once Kafka is connected and the reply consumer assigned', async () => {
    const live = await gateway.get('/health/live');
    expect([live.status, await readJson<HealthResponse>(live)]).toEqual([200, { status: 'ok' }]);
    const ready = await gateway.get('/health/ready');
    expect([ready.status, await readJson<HealthResponse>(ready)]).toEqual([
      200,
      { status: 'ready', checks: { eventProducer: true, requestProducer: true, replyConsumer: true } },
    ]);
  });

  it('documents every route it serves, and only those', async () => {
    const res = await gateway.get('/docs/openapi.json');
    expect(res.status).toBe(200);
    const doc = await readJson<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(res);
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(servedRoutes(gateway)).toEqual([
      'GET /dashboard',
      'GET /dashboard/api/overview',
      'GET /dashboard/api/users/{userId}',
      'GET /dashboard/assets/{file}',
      'GET /health/live',
      'GET /health/ready',
      'GET /metrics',
      'GET /v1/users/{userId}/insights',
      'GET /v1/users/{userId}/personality',
      'GET /v1/users/{userId}/recommendations',
      'POST /v1/users/{userId}/events',
      'POST /v1/users/{userId}/session',
      'PUT /v1/users/{userId}/personality',
    ]);
    expect(documented).toEqual(servedRoutes(gateway));
  });

  it('serves Swagger UI at /docs from local assets', async () => {
    const page = await gateway.get('/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('swagger-ui');
    expect((await gateway.get('/docs/swagger-ui.css')).status).toBe(200);
  });

  it('reports not-ready and refuses events with 503 once the event producer is gone', async () => {
    const other = await env.startGateway({ requestTimeoutMs: 1000 });
    await other.app.get(EventPublisher).onApplicationShutdown();
    const ready = await other.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(await readJson<HealthResponse>(ready)).toMatchObject({
      status: 'not-ready',
      checks: { eventProducer: false },
    });
    const before = await env.endOffset('userEvents');
    const res = await other.post('/v1/users/frank/events', {
      kind: 'feedback',
      trackId: 't1',
      occurredAt: Date.now(),
      feedbackType: 'skip',
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect((await readJson<ErrorResponse>(res)).message).toMatch(
      /event log is unavailable.*retry with the same eventIds/,
    );
    expect(await env.endOffset('userEvents')).toBe(before);
  });
});
