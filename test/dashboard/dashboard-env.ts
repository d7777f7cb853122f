/**
 * A gateway app in this process over an isolated event-path environment (its schema,
 * topic prefix and Redis prefix), with dashboard sources, plus helpers to feed it events
 * the way a player client does.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { UserEvent } from '../../src/domain/user-state.js';
import type { EventPathEnv } from '../support/event-path.js';
import { listenGateway, sendJson } from '../support/gateway-env.js';

export interface DashboardGateway {
  readonly app: NestExpressApplication;
  readonly url: string;
  get(path: string): Promise<Response>;
  post(path: string, body: unknown): Promise<Response>;
  close(): Promise<void>;
}

export async function startDashboardGateway(
  env: EventPathEnv,
  options: { partitions: number; sources?: string; pollMs?: number },
): Promise<DashboardGateway> {
  const vars: Record<string, string> = {
    DATABASE_SCHEMA: env.db.schema,
    KAFKA_TOPIC_PREFIX: env.prefix,
    KAFKA_CLIENT_ID: `${env.name}-gateway`,
    KAFKA_EVENT_PARTITIONS: String(options.partitions),
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    REDIS_KEY_PREFIX: env.redisPrefix,
    GATEWAY_REQUEST_TIMEOUT_MS: '5000',
    DASHBOARD_METRICS_URLS: options.sources ?? '',
    DASHBOARD_POLL_INTERVAL_MS: String(options.pollMs ?? 500),
    LOG_LEVEL: 'error',
  };
  const gateway = await listenGateway(vars);
  return {
    ...gateway,
    get: (path) => fetch(`${gateway.url}${path}`),
    post: (path, body) => sendJson(gateway.url, 'POST', path, body),
  };
}

/** The gateway's JSON shape of a domain event (docs/gateway.md). */
export function eventBody(e: UserEvent): Record<string, unknown> {
  const body: Record<string, unknown> = {
    kind: e.kind,
    eventId: e.eventId,
    trackId: e.trackId,
    occurredAt: e.occurredAt,
  };
  if (e.msListened !== null) body.msListened = e.msListened;
  if (e.trackDurationMs !== null) body.trackDurationMs = e.trackDurationMs;
  if (e.kind === 'feedback') body.feedbackType = e.feedbackType;
  if (e.context !== null) body.context = e.context;
  return body;
}
