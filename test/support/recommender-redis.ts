/**
 * A PRIVATE redis-server on a free port, for tests that stop Redis. Never point these
 * at the shared Redis (other engineers' runs use it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { Redis } from 'ioredis';
import { waitFor } from './wait-for.js';

export interface PrivateRedis {
  readonly port: number;
  readonly url: string;
  /** SIGKILL: the server vanishes without a goodbye, as in a crash. */
  kill(): Promise<void>;
  /** A plain client (tests inspect keys with it). */
  client(): Redis;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts redis-server in the foreground as a child; resolves once it answers PING. */
export async function startPrivateRedis(port?: number): Promise<PrivateRedis> {
  const p = port ?? (await freePort());
  const args = ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
  const child: ChildProcess = spawn('redis-server', args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `redis://127.0.0.1:${p}`;
  const clients: Redis[] = [];
  await waitFor(() => ping(p), { timeoutMs: 10_000, what: `redis-server on port ${p}` });
  return {
    port: p,
    url,
    async kill() {
      clients.forEach((c) => c.disconnect());
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    client() {
      const c = new Redis(url, { maxRetriesPerRequest: 1 });
      clients.push(c);
      return c;
    },
  };
}

/** Raw RESP over a socket: an ioredis client that failed to connect leaves a timer behind. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/**
 * Disconnects a client and waits until it holds no timer or socket. Between reconnect
 * attempts it has neither (disconnect() only clears the retry timer, no 'end' follows);
 * while connecting, its socket and connect timeout go away with 'end'.
 */
export async function closeRedisClient(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  const ended =
    client.status === 'reconnecting' ? Promise.resolve() : new Promise<void>((r) => client.once('end', () => r()));
  client.disconnect();
  await ended;
}
