/**
 * POST /v1/users/:userId/session end to end: gateway (in process) → fake Spotify → catalog
 * and ListeningEvents → the event processor's actor writes the history → the real
 * recommender process answers with a list that reflects it. Also: re-sync dedupe, the 6 h
 * window, an expired token (401), Spotify down (warning), audio features closed (fallback).
 */
import type { CatalogTrack } from '../../src/contracts/records.js';
import { syntheticTracks } from '../../src/domain/test-fixtures.js';
import type { UserSnapshot } from '../../src/domain/user-snapshot.js';
import type { ErrorResponse } from '../../src/gateway/api/common.dto.js';
import type { SessionResponse } from '../../src/gateway/api/session.dto.js';
import { redisKeys } from '../../src/infra/redis/redis-keys.js';
import type { EventProcessor } from '../../src/learner/event-processor.js';
import { consumeAll, createEventPathEnv, insertTracks, type EventPathEnv } from '../support/event-path.js';
import { FakeSpotify } from '../support/fake-spotify.js';
import { readJson, waitUntilRecommending } from '../support/gateway-env.js';
import { startProcessor } from '../support/processor.js';
import { spawnRecommender, type RecommenderProcess } from '../support/recommender-process.js';
import { startUserApi, type UserApi } from '../personality/api-env.js';
import { closeAudioFeatures, DOWN_TOKEN, scriptListening, SLOW_TOKEN, type FakeListening } from './fake-listening.js';
import { expectedSessionList, historyOf, redisText } from './session-checks.js';

const CATALOG = syntheticTracks(300, 'session-catalog');
const K = CATALOG.slice(0, 6).map((t) => t.trackId);
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
const SAM_TOKEN = 'BQ-sam-user-token-7f3a';
const SAM: FakeListening = {
  top: [K[0], K[1], K[2], K[3], K[4], 'newTrack000', 'newTrack001'],
  recent: [
    { trackId: K[0], playedAt: ago(3) },
    { trackId: K[0], playedAt: ago(2) },
    { trackId: K[1], playedAt: ago(1) },
  ],
};
const CLOSED_TOKEN = 'BQ-closed-user-token-41b2';
const CLOSED: FakeListening = { top: [K[5], 'newTrack002', 'newTrack003'], recent: [] };

describe('session start with a Spotify history', () => {
  let env: EventPathEnv;
  let fake: FakeSpotify;
  let processor: EventProcessor;
  let recommender: RecommenderProcess;
  let api: UserApi;

  const start = (userId: string, body?: unknown) => api.request('POST', `/v1/users/${userId}/session`, body);
  const startOk = async (userId: string, body?: unknown): Promise<SessionResponse> => {
    const res = await start(userId, body);
    expect(res.status).toBe(200);
    return readJson<SessionResponse>(res);
  };
  const snapshotOf = async (userId: string) =>
    JSON.parse((await env.redis.get(redisKeys(env.redisPrefix).userSnapshot(userId))) ?? 'null') as UserSnapshot | null;

  beforeAll(async () => {
    env = await createEventPathEnv('session_e2e');
    await insertTracks(env, CATALOG);
    fake = await FakeSpotify.start();
    scriptListening(
      fake,
      new Map([
        [SAM_TOKEN, SAM],
        [CLOSED_TOKEN, CLOSED],
      ]),
    );
    processor = await startProcessor(env);
    recommender = spawnRecommender(env);
    api = await startUserApi(env, {
      spotify: fake,
      env: { SESSION_LEARNER_WAIT_MS: '20000', SESSION_SPOTIFY_TIMEOUT_MS: '1500' },
    });
    await waitUntilRecommending((path) => api.request('GET', path));
  });

  afterAll(async () => {
    await api?.close();
    await recommender?.stop();
    await processor?.stop();
    await fake?.close();
    await env?.close();
  });

  it('creates a new user, syncs the history through the learner and recommends from it', async () => {
    const body = await startOk('sam', { spotifyAccessToken: SAM_TOKEN });

    expect(body).toMatchObject({ userId: 'sam', newUser: true, warnings: [] });
    expect(body.spotify).toEqual({
      status: 'synced',
      syncedAt: expect.any(Number),
      topTracks: 7,
      recentPlays: 3,
      playsPublished: 10,
      tracksAdded: 2,
      tracksWithoutFeatures: 0,
      audioFeatures: { source: 'spotify', reason: null },
      historyApplied: true,
    });
    // Play counts with upsert_listening_history semantics: a top track is one play, each recent play one more.
    expect(await historyOf(env, 'sam')).toEqual([
      [K[0], 3],
      [K[1], 2],
      [K[2], 1],
      [K[3], 1],
      [K[4], 1],
      ['newTrack000', 1],
      ['newTrack001', 1],
    ]);
    const recs = body.recommendations;
    expect(recs).toMatchObject({ userId: 'sam', coldStartStage: 'week_1', fromCache: false });
    expect(recs.tracks.some((t) => t.scores.historySimilarity !== 0.5)).toBe(true);
    expect(recs.tracks.map((t) => t.trackId)).toEqual(
      await expectedSessionList(env, recs, (await snapshotOf('sam')) as UserSnapshot),
    );
  });

  it('adds the new Spotify tracks to the catalog table and the compacted catalog topic', async () => {
    const { rows } = await env.db.pool.query(
      `SELECT track_id, source, genres, tempo FROM tracks WHERE track_id LIKE 'newTrack%' ORDER BY track_id`,
    );
    expect(rows).toEqual([
      { track_id: 'newTrack000', source: 'spotify-api', genres: ['indie-pop'], tempo: expect.any(Number) },
      { track_id: 'newTrack001', source: 'spotify-api', genres: ['indie-pop'], tempo: expect.any(Number) },
    ]);
    const decode = (v: Buffer) => env.registry.decode(v, 'music.CatalogTrack') as CatalogTrack;
    const records = await consumeAll(env, env.topic('catalogTracks'), decode, (all) => all.length >= 2, 20_000);
    expect(records.map((r) => r.track_id).sort()).toEqual(['newTrack000', 'newTrack001']);
  });

  it('skips a sync younger than 6 h, and dedupes the plays of an older one', async () => {
    const before = fake.requests.length;
    expect((await startOk('sam', { spotifyAccessToken: SAM_TOKEN })).spotify).toMatchObject({
      status: 'recent',
      historyApplied: null,
    });
    expect(fake.requests.length).toBe(before);

    await env.db.pool.query(`UPDATE users SET spotify_synced_at = now() - interval '7 hours' WHERE user_id = 'sam'`);
    const again = await startOk('sam', { spotifyAccessToken: SAM_TOKEN });
    expect(again).toMatchObject({
      newUser: false,
      spotify: { status: 'synced', playsPublished: 10, historyApplied: true },
    });
    expect((await historyOf(env, 'sam')).map(([, plays]) => plays)).toEqual([3, 2, 1, 1, 1, 1, 1]);
    const { rows } = await env.db.pool.query("SELECT count(*)::int AS n FROM music_interactions WHERE user_id = 'sam'");
    expect(rows[0].n).toBe(10);
  });

  it('starts a session without a token', async () => {
    const body = await startOk('nora');
    expect(body).toMatchObject({ newUser: true, spotify: { status: 'no-token', syncedAt: null } });
    expect(body.recommendations.tracks.every((t) => t.scores.historySimilarity === 0.5)).toBe(true);
  });

  it('answers 401 when Spotify rejects the token', async () => {
    const res = await start('eve', { spotifyAccessToken: 'BQ-expired-token-00' });
    expect(res.status).toBe(401);
    expect(await readJson<ErrorResponse>(res)).toMatchObject({
      statusCode: 401,
      field: 'body.spotifyAccessToken',
      message: expect.stringMatching(/Spotify rejected the access token/),
    });
  });

  it('goes on without a sync, with a warning, when Spotify is down', async () => {
    const body = await startOk('dora', { spotifyAccessToken: DOWN_TOKEN });
    expect(body.spotify).toMatchObject({ status: 'unavailable', syncedAt: null, playsPublished: 0 });
    expect(body.warnings).toEqual([expect.stringMatching(/^Spotify history not synced: .*HTTP 503/)]);
    expect(body.recommendations.tracks.length).toBeGreaterThan(0);
    const { rows } = await env.db.pool.query("SELECT spotify_synced_at FROM users WHERE user_id = 'dora'");
    expect(rows).toEqual([{ spotify_synced_at: null }]);
  });

  it('stops waiting for a slow Spotify after the session budget', async () => {
    const started = Date.now();
    const body = await startOk('sol', { spotifyAccessToken: SLOW_TOKEN });
    expect(body.spotify.status).toBe('unavailable');
    expect(body.warnings).toEqual(['Spotify history not synced: Spotify did not answer within 1500 ms']);
    expect(Date.now() - started).toBeLessThan(2900); // did not wait for the 3 s answers
  });

  it('reports the catalog fallback when audio features are closed (403)', async () => {
    closeAudioFeatures(fake);
    const body = await startOk('cleo', { spotifyAccessToken: CLOSED_TOKEN });
    const reason = 'spotify audio-features unavailable (HTTP 403)';
    expect(body.spotify).toMatchObject({
      status: 'synced',
      tracksAdded: 0,
      tracksWithoutFeatures: 2,
      audioFeatures: { source: 'catalog-fallback', reason },
      playsPublished: 3,
      historyApplied: true,
    });
    expect(body.warnings).toEqual([`audio features from our catalog: ${reason}`]);
    expect((await historyOf(env, 'cleo')).map(([id]) => id)).toEqual([K[5], 'newTrack002', 'newTrack003']);
  });

  it('never stores the access tokens in Redis (logs: token-secrecy.e2e-spec.ts)', async () => {
    const stored = await redisText(env);
    expect(stored).toContain('spotify:'); // the client's cache is there, keyed by hashes
    for (const token of [SAM_TOKEN, CLOSED_TOKEN, DOWN_TOKEN, SLOW_TOKEN, 'BQ-expired-token-00'])
      expect(stored).not.toContain(token);
  });
});
