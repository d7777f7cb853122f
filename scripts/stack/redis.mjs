// The Redis service: use REDIS_URL if it answers PING, else run a private
// non-persistent redis-server from .stack/redis.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { DEFAULT_REDIS_URL, REDIS_PORT } from './constants.mjs';
import { findExecutable, ownedPid, stopProcess, withLock } from './proc.mjs';
import { endpointOf, isLocalHost, say, seconds, STACK_DIR, StackError, tailOf, waitFor } from './util.mjs';

const REDIS_DIR = join(STACK_DIR, 'redis');
const FILES = Object.freeze({ log: join(REDIS_DIR, 'server.log'), pid: join(REDIS_DIR, 'redis.pid') });
const INSTALL_HINT = 'install Redis (e.g. apt-get install redis-server) or point REDIS_URL at a server';
const redisUrl = (env) => env.REDIS_URL ?? DEFAULT_REDIS_URL;
// redis-server writes the pid file itself and rewrites its title to "redis-server host:port".
const owned = () => ownedPid({ pidFile: FILES.pid, markers: ['redis-server'] });

const command = (...parts) =>
  `*${parts.length}\r\n${parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join('')}`;

/** PING over a raw RESP socket (after AUTH when the URL has a password); resolves true on +PONG. */
export function ping({ host, port, parsed, timeoutMs = 2000 }) {
  const auth = parsed.password
    ? command(
        'AUTH',
        ...(parsed.username ? [decodeURIComponent(parsed.username)] : []),
        decodeURIComponent(parsed.password),
      )
    : '';
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let reply = '';
    const finish = (error, value) => {
      socket.destroy();
      return error ? reject(error) : resolve(value);
    };
    socket.setTimeout(timeoutMs, () => finish(new Error(`no reply within ${timeoutMs} ms`)));
    socket.once('error', (error) => finish(error));
    socket.once('close', () => finish(new Error(`connection closed before +PONG${reply ? `: ${reply.trim()}` : ''}`)));
    socket.once('connect', () => socket.write(auth + command('PING')));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (/(^|\r\n)-/.test(reply)) finish(new Error(reply.trim()));
      else if (reply.includes('+PONG')) finish(undefined, true);
    });
  });
}

function startPrivate({ host, port }) {
  const server = findExecutable('redis-server');
  if (!server) {
    throw new StackError(
      `redis: nothing answers at ${host}:${port} and redis-server is not installed: ${INSTALL_HINT}`,
    );
  }
  mkdirSync(REDIS_DIR, { recursive: true });
  const options = {
    port: String(port),
    bind: host,
    // Test data only: no RDB snapshots, no AOF.
    save: '',
    appendonly: 'no',
    daemonize: 'yes',
    pidfile: FILES.pid,
    logfile: FILES.log,
    dir: REDIS_DIR,
  };
  const args = Object.entries(options).flatMap(([name, value]) => [`--${name}`, value]);
  execFileSync(server, args, { stdio: ['ignore', 'pipe', 'pipe'] });
}

async function waitPong(endpoint) {
  const result = await waitFor({ probe: () => ping(endpoint), deadlineMs: 15000, intervalMs: 100 });
  if (!result.ok) throw new StackError(`redis: ${result.reason}\n--- tail of ${FILES.log} ---\n${tailOf(FILES.log)}`);
}

/** Serialised with a lock so concurrent `up` calls start at most one private instance. */
export async function redisUp(env) {
  mkdirSync(STACK_DIR, { recursive: true });
  return withLock(join(STACK_DIR, 'redis.lock'), () => reuseOrStart(env));
}

async function reuseOrStart(env) {
  const start = Date.now();
  const url = redisUrl(env);
  const endpoint = endpointOf(url, REDIS_PORT);
  const { host, port } = endpoint;
  const pid = owned();
  const reachable = await ping(endpoint).catch((error) => error);
  if (reachable === true) {
    const by = pid !== undefined ? `started by stack, pid ${pid}` : 'not started by stack';
    say('redis', `reachable at ${host}:${port} (${by}) ${seconds(start)}`);
    return { url, started: false };
  }
  if (reachable.code !== 'ECONNREFUSED') {
    throw new StackError(`redis: ${host}:${port} does not answer PING: ${reachable.message}`);
  }
  if (!isLocalHost(host)) {
    throw new StackError(`redis: REDIS_URL host ${host}:${port} is unreachable (only a local instance can be started)`);
  }
  startPrivate({ host, port });
  await waitPong(endpoint);
  say('redis', `started private instance at ${host}:${port} (pid ${owned()}) in ${seconds(start)}`);
  return { url, started: true };
}

export async function redisDown() {
  const pid = owned();
  if (pid === undefined) return say('redis', 'not started by stack: nothing to stop');
  const start = Date.now();
  const how = await stopProcess({ pid, signal: 'SIGTERM', graceMs: 10000 });
  rmSync(FILES.pid, { force: true });
  say('redis', `${how} (pid ${pid}) in ${seconds(start)}`);
}

export async function redisStatus(env) {
  const endpoint = endpointOf(redisUrl(env), REDIS_PORT);
  const pid = owned();
  const by = pid !== undefined ? `started by stack, pid ${pid}` : 'not started by stack';
  try {
    await ping(endpoint);
    say('redis', `up at ${endpoint.host}:${endpoint.port} (${by})`);
  } catch (error) {
    say('redis', `down at ${endpoint.host}:${endpoint.port} (${by}): ${error.message}`);
  }
}
