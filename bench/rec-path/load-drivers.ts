/**
 * One recommendation request per call, through Kafka request/reply (Nest's ClientKafka,
 * exactly as the gateway talks to the recommender) or through the HTTP gateway (node:http
 * with keep-alive: lighter on the shared CPU than fetch). Users are spread over workers so
 * concurrent requests rarely hit the same user. A call is good when the answer is OK with
 * tracks and comes from where the mode says (cache or fresh computation).
 */
import { Agent, get } from 'node:http';
import type { Requester } from '../../test/support/recommender-client.js';

export type Mode = 'cached' | 'uncached';
export type Call = (worker: number, n: number) => Promise<boolean>;

export const MAX_RESULTS = 50;

const pick = (users: readonly string[], worker: number, n: number): string =>
  users[(worker * 7919 + n * 31) % users.length];

export function kafkaCall(requester: Requester, users: readonly string[], mode: Mode): Call {
  return async (worker, n) => {
    const reply = await requester.request(
      { user_id: pick(users, worker, n), max_results: MAX_RESULTS, force_refresh: mode === 'uncached' },
      10_000,
    );
    return reply.status === 'OK' && reply.tracks.length > 0 && reply.from_cache === (mode === 'cached');
  };
}

export interface HttpCaller {
  readonly call: Call;
  /** Closes the keep-alive sockets (so the gateway can shut down at once). */
  close(): void;
}

export function httpCall(baseUrl: string, users: readonly string[], mode: Mode, concurrency: number): HttpCaller {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const query = `limit=${MAX_RESULTS}&refresh=${mode === 'uncached'}`;
  const call: Call = (worker, n) =>
    new Promise<boolean>((resolve, reject) => {
      const url = `${baseUrl}/v1/users/${pick(users, worker, n)}/recommendations?${query}`;
      const req = get(url, { agent, timeout: 15_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve(res.statusCode === 200 && body.includes(`"fromCache":${mode === 'cached'}`));
        });
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error('HTTP request timed out')));
      req.on('error', reject);
    });
  return { call, close: () => agent.destroy() };
}
