/**
 * A local stand-in for the Spotify Web API and accounts service (node:http on port 0).
 * Tests script replies per route and assert on what the server saw, with timestamps taken
 * by the server on arrival, so timing assertions do not depend on the test runner.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  readonly method: string;
  /** Path under the API root (`/audio-features`) or the accounts root (`/api/token`). */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly authorization: string | null;
  readonly body: string;
  /** Epoch ms with sub-ms precision, taken when the request arrived. */
  readonly at: number;
}

export type Reply =
  | {
      readonly status?: number;
      readonly body?: unknown;
      readonly headers?: Record<string, string>;
      readonly delayMs?: number;
    }
  | { readonly destroySocket: true };

/** Gets the request and how many earlier requests this route has seen (0 for the first). */
export type Handler = (request: SeenRequest, n: number) => Reply;

export const FAKE_CLIENT_ID = 'fake-client-id';
export const FAKE_CLIENT_SECRET = 'fake-client-secret-5a1f';
const API_ROOT = '/v1';

export class FakeSpotify {
  readonly requests: SeenRequest[] = [];
  private readonly routes = new Map<string, Handler>();
  private readonly counts = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private tokensIssued = 0;

  private constructor(private readonly server: Server) {
    this.route('POST', '/api/token', (req) => this.issueToken(req));
  }

  static async start(): Promise<FakeSpotify> {
    const server = createServer();
    const fake = new FakeSpotify(server);
    server.on('request', (req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get apiBaseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${API_ROOT}`;
  }

  get accountsBaseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The app tokens handed out so far, in order (`app-token-1`, …). */
  get issuedTokens(): string[] {
    return Array.from({ length: this.tokensIssued }, (_, i) => `app-token-${i + 1}`);
  }

  route(method: string, path: string, handler: Handler): this {
    this.routes.set(`${method} ${path}`, handler);
    return this;
  }

  /** Replies in order; the last one repeats. */
  script(method: string, path: string, replies: readonly Reply[]): this {
    return this.route(method, path, (_req, n) => replies[Math.min(n, replies.length - 1)]);
  }

  seen(method: string, path: string): SeenRequest[] {
    return this.requests.filter((r) => r.method === method && r.path === path);
  }

  reset(): void {
    this.requests.length = 0;
    this.counts.clear();
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.timeOrigin + performance.now();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname.startsWith(`${API_ROOT}/`) ? url.pathname.slice(API_ROOT.length) : url.pathname;
    const method = req.method ?? 'GET';
    const seen: SeenRequest = {
      method,
      path,
      query: url.searchParams,
      authorization: req.headers.authorization ?? null,
      body: Buffer.concat(chunks).toString('utf8'),
      at,
    };
    this.requests.push(seen);
    const key = `${method} ${path}`;
    const n = this.counts.get(key) ?? 0;
    this.counts.set(key, n + 1);
    const handler = this.routes.get(key);
    this.reply(req, res, handler ? handler(seen, n) : { status: 404, body: { error: { status: 404 } } });
  }

  private reply(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
    if ('destroySocket' in reply) {
      req.socket.destroy();
      return;
    }
    const send = () => {
      this.timers.delete(timer);
      if (res.destroyed) return;
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    };
    const timer = setTimeout(send, reply.delayMs ?? 0);
    this.timers.add(timer);
  }

  private issueToken(req: SeenRequest): Reply {
    const expected = `Basic ${Buffer.from(`${FAKE_CLIENT_ID}:${FAKE_CLIENT_SECRET}`).toString('base64')}`;
    if (req.authorization !== expected || req.body !== 'grant_type=client_credentials') {
      return { status: 400, body: { error: 'invalid_client' } };
    }
    this.tokensIssued += 1;
    return { body: { access_token: `app-token-${this.tokensIssued}`, token_type: 'Bearer', expires_in: 3600 } };
  }
}
