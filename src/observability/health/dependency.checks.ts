/**
 * Connectivity probes of the three services, as HealthChecks. Each asks the dependency
 * for the cheapest real answer (SELECT 1, PING, the cluster's broker list) over the
 * process's own clients, so a probe fails exactly when the process's work would.
 * Typed structurally: observability does not import the clients (src/infra does).
 */
import type { HealthCheck } from './health-check.js';

export interface Queryable {
  query(sql: string): Promise<unknown>;
}

export interface Pingable {
  ping(): Promise<string>;
}

/** kafkajs Admin's describeCluster. */
export interface ClusterDescriber {
  describeCluster(): Promise<{ brokers: readonly unknown[] }>;
}

export function postgresCheck(pool: Queryable, critical = true): HealthCheck {
  return {
    name: 'postgres',
    critical,
    async check() {
      await pool.query('SELECT 1');
      return true;
    },
  };
}

export function redisCheck(redis: Pingable, critical = true): HealthCheck {
  return { name: 'redis', critical, check: async () => (await redis.ping()) === 'PONG' };
}

/** `admin` resolves to a connected admin client (see SharedAdmin). */
export function kafkaCheck(admin: () => Promise<ClusterDescriber>, critical = true): HealthCheck {
  return {
    name: 'kafka',
    critical,
    check: async () => (await (await admin()).describeCluster()).brokers.length > 0,
  };
}
