// The Postgres service: use DATABASE_URL if it answers, else run a private
// instance from local binaries in .stack/postgres.
import { execFileSync } from 'node:child_process';
import { chownSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { DEFAULT_DATABASE_URL, POSTGRES_PORT } from './constants.mjs';
import { findExecutable, ownedPid, readPid, stopProcess, withLock } from './proc.mjs';
import { endpointOf, isLocalHost, say, seconds, STACK_DIR, StackError, tailOf, tcpOpen } from './util.mjs';

const PG_DIR = join(STACK_DIR, 'postgres');
const FILES = Object.freeze({
  data: join(PG_DIR, 'data'),
  log: join(PG_DIR, 'server.log'),
  pid: join(PG_DIR, 'postgres.pid'),
});
const INSTALL_HINT = 'install PostgreSQL (e.g. apt-get install postgresql) or point DATABASE_URL at a server';
// Unix socket paths are limited to ~107 bytes; fall back to /tmp when the checkout is deep.
const socketDir = () => (PG_DIR.length < 80 ? PG_DIR : '/tmp');
const owned = () => ownedPid({ pidFile: FILES.pid, markers: [FILES.data] });

const databaseUrl = (env) => env.DATABASE_URL ?? DEFAULT_DATABASE_URL;

/** Runs one query; resolves the server version or throws (err.code 3D000: no such database). */
async function queryVersion(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query("select current_setting('server_version') as version");
    return rows[0].version;
  } finally {
    await client.end();
  }
}

/** Creates the URL's database through the `postgres` maintenance database when missing. */
async function ensureDatabase(url) {
  try {
    return await queryVersion(url);
  } catch (error) {
    if (error.code !== '3D000') throw error;
    const maintenance = new URL(url);
    const name = maintenance.pathname.slice(1);
    maintenance.pathname = '/postgres';
    const client = new pg.Client({ connectionString: maintenance.href, connectionTimeoutMillis: 3000 });
    await client.connect();
    try {
      await client.query(`create database "${name.replaceAll('"', '""')}"`);
    } finally {
      await client.end();
    }
    say('postgres', `created database ${name}`);
    return queryVersion(url);
  }
}

function findPgBinaries() {
  const versioned = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  const dirs = [...versioned, '/usr/local/pgsql/bin'];
  const initdb = findExecutable('initdb', dirs);
  const pgCtl = findExecutable('pg_ctl', dirs);
  return initdb && pgCtl ? { initdb, pgCtl } : undefined;
}

/** Postgres refuses to run as root: run its tools as the `postgres` OS user then. */
function runAsPrefix() {
  if (process.getuid?.() !== 0) return { prefix: [] };
  const runuser = findExecutable('runuser');
  let uid;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
  } catch (error) {
    throw new StackError(`postgres: running as root needs a 'postgres' OS user (${error.message.split('\n')[0]})`);
  }
  if (!runuser) throw new StackError('postgres: running as root needs runuser (util-linux) to drop privileges');
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
  return { prefix: [runuser, '-u', 'postgres', '--'], uid, gid };
}

function run(asUser, command, args) {
  const [bin, ...rest] = [...asUser.prefix, command, ...args];
  execFileSync(bin, rest, { stdio: ['ignore', 'pipe', 'pipe'], cwd: PG_DIR });
}

function startPrivate({ host, port, user }) {
  const bins = findPgBinaries();
  if (!bins) {
    throw new StackError(
      `postgres: nothing answers at ${host}:${port} and initdb/pg_ctl are not installed: ${INSTALL_HINT}`,
    );
  }
  const asUser = runAsPrefix();
  mkdirSync(PG_DIR, { recursive: true });
  if (asUser.uid !== undefined) chownSync(PG_DIR, asUser.uid, asUser.gid);
  if (!existsSync(join(FILES.data, 'PG_VERSION'))) {
    rmSync(FILES.data, { recursive: true, force: true });
    run(asUser, bins.initdb, ['-D', FILES.data, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  }
  const options = `-p ${port} -c listen_addresses=${host} -k "${socketDir()}"`;
  try {
    run(asUser, bins.pgCtl, ['-D', FILES.data, '-l', FILES.log, '-o', options, '-w', '-t', '60', 'start']);
  } catch (error) {
    throw new StackError(
      `postgres: pg_ctl start failed: ${error.stderr ?? error.message}\n--- tail of ${FILES.log} ---\n${tailOf(FILES.log)}`,
    );
  }
  copyFileSync(join(FILES.data, 'postmaster.pid'), FILES.pid);
  return readPid(FILES.pid);
}

/** Serialised with a lock so concurrent `up` calls start at most one private instance. */
export async function postgresUp(env) {
  mkdirSync(STACK_DIR, { recursive: true });
  return withLock(join(STACK_DIR, 'postgres.lock'), () => reuseOrStart(env));
}

async function reuseOrStart(env) {
  const start = Date.now();
  const url = databaseUrl(env);
  const { host, port, parsed } = endpointOf(url, POSTGRES_PORT);
  const pid = owned();
  if (await tcpOpen({ host, port })) {
    const version = await ensureDatabase(url).catch((error) => {
      throw new StackError(`postgres: ${host}:${port} accepts connections but the query failed: ${error.message}`);
    });
    const by = pid !== undefined ? `started by stack, pid ${pid}` : 'not started by stack';
    say('postgres', `reachable at ${host}:${port} (${by}, server ${version}) ${seconds(start)}`);
    return { url, started: false };
  }
  if (!isLocalHost(host)) {
    throw new StackError(
      `postgres: DATABASE_URL host ${host}:${port} is unreachable (only a local instance can be started)`,
    );
  }
  const newPid = startPrivate({ host, port, user: decodeURIComponent(parsed.username || 'postgres') });
  const version = await ensureDatabase(url);
  say(
    'postgres',
    `started private instance at ${host}:${port} (pid ${newPid}, server ${version}) in ${seconds(start)}`,
  );
  return { url, started: true };
}

export async function postgresDown() {
  const pid = owned();
  if (pid === undefined) return say('postgres', 'not started by stack: nothing to stop');
  const start = Date.now();
  // SIGINT is Postgres' "fast" shutdown: SIGTERM ("smart") would wait for pooled clients.
  const how = await stopProcess({ pid, signal: 'SIGINT', graceMs: 30000 });
  rmSync(FILES.pid, { force: true });
  say('postgres', `${how} (pid ${pid}) in ${seconds(start)}`);
}

export async function postgresStatus(env) {
  const url = databaseUrl(env);
  const { host, port } = endpointOf(url, POSTGRES_PORT);
  const pid = owned();
  const by = pid !== undefined ? `started by stack, pid ${pid}` : 'not started by stack';
  try {
    say('postgres', `up at ${host}:${port} (${by}, server ${await queryVersion(url)})`);
  } catch (error) {
    say('postgres', `down or unusable at ${host}:${port} (${by}): ${error.message}`);
  }
}
