/**
 * The Spotify user token never reaches a log: the real gateway entry point (dist/) runs as
 * a child process at LOG_LEVEL=debug, so everything it writes (whichever logger writes it)
 * lands in one file, through a successful sync, a rejected token, Spotify down and a
 * recommender that never answers (504, logged as a warning with its route).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticTracks } from '../../src/domain/test-fixtures.js';
import { createEventPathEnv, insertTracks, type EventPathEnv } from '../support/event-path.js';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, FakeSpotify } from '../support/fake-spotify.js';
import { waitFor } from '../support/wait-for.js';
import { DOWN_TOKEN, scriptListening } from './fake-listening.js';
import { redisText } from './session-checks.js';

const CATALOG = syntheticTracks(20, 'secrecy-catalog');
const TOKEN = 'BQ-secret-user-token-c4d1e8';
const REJECTED = 'BQ-rejected-token-99aa';

describe('session: the Spotify token is never logged or stored', () => {
  let env: EventPathEnv;
  let fake: FakeSpotify;
  let child: ChildProcess;
  let logFile: string;
  let url: string;

  beforeAll(async () => {
    env = await createEventPathEnv('secrecy');
    await insertTracks(env, CATALOG);
    fake = await FakeSpotify.start();
    const listening = { top: CATALOG.slice(0, 3).map((t) => t.trackId), recent: [] };
    scriptListening(fake, new Map([[TOKEN, listening]]));
    logFile = join(tmpdir(), `${env.name}-gateway.log`);
    child = spawn(process.execPath, ['dist/src/gateway/gateway.main.js'], {
      env: {
        ...process.env,
        HTTP_PORT: '0',
        DATABASE_SCHEMA: env.db.schema,
        REDIS_KEY_PREFIX: env.redisPrefix,
        KAFKA_TOPIC_PREFIX: env.prefix,
        KAFKA_EVENT_PARTITIONS: '4',
        KAFKA_CLIENT_ID: `${env.name}-gateway`,
        GATEWAY_REQUEST_TIMEOUT_MS: '500',
        SESSION_LEARNER_WAIT_MS: '0',
        SPOTIFY_API_BASE_URL: fake.apiBaseUrl,
        SPOTIFY_ACCOUNTS_BASE_URL: fake.accountsBaseUrl,
        SPOTIFY_CLIENT_ID: FAKE_CLIENT_ID,
        SPOTIFY_CLIENT_SECRET: FAKE_CLIENT_SECRET,
        SPOTIFY_BACKOFF_BASE_MS: '10',
        SPOTIFY_BACKOFF_MAX_MS: '20',
        LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = createWriteStream(logFile);
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    url = await waitFor(() => /"url":"(http:[^"]+)"/.exec(readFileSync(logFile, 'utf8'))?.[1], {
      timeoutMs: 60_000,
      what: 'the gateway to listen',
    });
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await fake?.close();
    await env?.close();
  });

  const start = (userId: string, spotifyAccessToken: string) =>
    fetch(`${url}/v1/users/${userId}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ spotifyAccessToken }),
    });

  it('keeps all three tokens out of the log and out of Redis', async () => {
    // No recommender runs: each session syncs, then times out waiting for its list (504).
    expect((await start('sia', TOKEN)).status).toBe(504);
    expect((await start('rex', REJECTED)).status).toBe(401);
    expect((await start('dan', DOWN_TOKEN)).status).toBe(504);
    const { rows } = await env.db.pool.query(
      'SELECT count(*)::int AS n FROM users WHERE spotify_synced_at IS NOT NULL',
    );
    expect(rows[0].n).toBe(1); // sia's sync did happen

    const log = readFileSync(logFile, 'utf8');
    expect(log).toMatch(/spotify sync failed; session continues without it/); // dan's warning is there
    expect(log).toMatch(/"status":504/);
    const stored = await redisText(env);
    for (const token of [TOKEN, REJECTED, DOWN_TOKEN]) {
      expect(log).not.toContain(token);
      expect(stored).not.toContain(token);
    }
  });
});
