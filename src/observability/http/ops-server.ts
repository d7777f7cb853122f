/**
 * The operations endpoint of a process without an HTTP app of its own (learner,
 * recommender): GET /metrics (Prometheus text), /health/live and /health/ready (JSON,
 * 200 or 503). Plain node:http — a second Nest HTTP app per process would cost more
 * than the three routes are worth.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { Logger } from '../../infra/logging/logger.js';
import type { Liveness, Readiness } from '../health/health-check.js';

export interface OpsServerOptions {
  readonly registry: Registry;
  readonly live: () => Promise<Liveness>;
  readonly ready: () => Promise<Readiness>;
  readonly log: Logger;
}

export class OpsServer {
  private server: Server | null = null;

  constructor(private readonly o: OpsServerOptions) {}

  /** Listens on `port` (0 = any free port) on all interfaces; resolves with the base URL. */
  async start(port: number): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    // Probes and scrapes are short: an idle keep-alive socket must not hold up shutdown.
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'only GET' });
      if (path === '/metrics') return sendText(res, await this.o.registry.metrics(), this.o.registry.contentType);
      if (path === '/health/live') {
        const live = await this.o.live();
        return send(res, live.status === 'ok' ? 200 : 503, live);
      }
      if (path === '/health/ready') {
        const ready = await this.o.ready();
        return send(res, ready.status === 'ready' ? 200 : 503, ready);
      }
      send(res, 404, { error: `no route ${path}; try /metrics, /health/live, /health/ready` });
    } catch (error) {
      this.o.log.error({ url: req.url, err: error }, 'operations endpoint failed');
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, text: string, contentType: string): void {
  res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(text);
}
