/**
 * Routes that read or write Postgres and Redis themselves (personality, session, insights)
 * answer 503 + Retry-After when one of them is unreachable, as the Kafka paths already do,
 * instead of a bare 500: the same request may well succeed a moment later.
 */
import { isConnectionError } from '../infra/postgres/pool.js';
import { GatewayError } from './gateway.error.js';

export async function orUnavailable<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asUnavailable(error);
  }
}

export function asUnavailable(error: unknown): unknown {
  if (error instanceof GatewayError) return error;
  const retriable = (error as { retriable?: unknown } | null)?.retriable === true;
  if (!retriable && !isConnectionError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new GatewayError(503, `a dependency is unavailable, retry later: ${message}`, { retryAfterSeconds: 1 });
}
