/**
 * The operational core every process imports: its ProcessOps (registry with the
 * Postgres/Redis series), the shared admin client, and — for processes without an HTTP
 * app — the ops server on METRICS_PORT. Capability wiring (learner-ops.module.ts, …)
 * adds its own series and checks to the same ProcessOps.
 */
import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { AppConfig } from '../../config/config.js';
import { CONFIG, InfraModule, KAFKA, LOGGER, POOL, REDIS } from '../../infra/infra.module.js';
import type { Logger } from '../../infra/logging/logger.js';
import { OpsServer } from '../http/ops-server.js';
import { registerDependencyMetrics } from '../metrics/dependency.metrics.js';
import { RedisInfoSampler } from '../metrics/redis-info.sampler.js';
import { ProcessOps, type ProcessName } from './process-ops.js';
import { SharedAdmin } from './shared-admin.js';

const OPS_OPTIONS = Symbol('OPS_OPTIONS');

export interface OpsOptions {
  readonly process: ProcessName;
  /** true: serve /metrics and /health on METRICS_PORT (when set); false: the process's HTTP app serves /metrics. */
  readonly ownServer: boolean;
}

@Injectable()
class OpsLifecycle implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private server: OpsServer | null = null;

  constructor(
    @Inject(OPS_OPTIONS) private readonly options: OpsOptions,
    @Inject(ProcessOps) private readonly ops: ProcessOps,
    @Inject(SharedAdmin) private readonly admin: SharedAdmin,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  /** Before any bootstrap hook: /health/live answers while migrations and loads run. */
  async onModuleInit(): Promise<void> {
    const { metricsPort, sampleIntervalMs } = this.config.observability;
    if (this.options.ownServer && metricsPort === null) return;
    if (this.options.ownServer) {
      const ops = this.ops;
      this.server = new OpsServer({
        registry: ops.registry,
        live: () => ops.live(),
        ready: () => ops.ready(),
        log: this.log,
      });
      const url = await this.server.start(metricsPort ?? 0);
      this.log.info({ process: ops.process, url: `${url}/metrics` }, 'operations endpoint listening');
    }
    this.ops.enableProbes(sampleIntervalMs);
  }

  beforeApplicationShutdown(): void {
    this.ops.stopping();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.ops.stopProbes();
    await this.server?.stop();
    await this.admin.close();
  }
}

@Module({})
export class OpsCoreModule {
  static forProcess(options: OpsOptions): DynamicModule {
    return {
      module: OpsCoreModule,
      imports: [InfraModule],
      providers: [
        { provide: OPS_OPTIONS, useValue: options },
        {
          provide: ProcessOps,
          inject: [LOGGER, POOL, REDIS],
          useFactory: (log: Logger, pool: Pool, redis: Redis): ProcessOps => {
            const ops = new ProcessOps(options.process, log.child({ component: 'ops' }));
            const redisInfo = new RedisInfoSampler(redis);
            registerDependencyMetrics(ops.registry, { pool, redis, redisInfo });
            ops.addProbe('redis-info', () => redisInfo.sample());
            return ops;
          },
        },
        { provide: SharedAdmin, inject: [KAFKA], useFactory: (kafka: Kafka) => new SharedAdmin(kafka) },
        OpsLifecycle,
      ],
      exports: [ProcessOps, SharedAdmin],
    };
  }
}
