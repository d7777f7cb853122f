/**
 * GET /v1/users/:userId/insights on a small known history, written by the real event
 * processor from events on the user-events topic: exact genre shares and entropy, buckets,
 * artists, hour-of-day bins (in UTC and in another zone) and contexts.
 */
import type { ListeningContext, Track } from '../../src/domain/types.js';
import type { UserEvent } from '../../src/domain/user-state.js';
import type { ErrorResponse } from '../../src/gateway/api/common.dto.js';
import type { InsightsResponse } from '../../src/gateway/api/insights.dto.js';
import type { EventProcessor } from '../../src/learner/event-processor.js';
import { createEventPathEnv, insertTracks, type EventPathEnv } from '../support/event-path.js';
import { readJson } from '../support/gateway-env.js';
import { startProcessor } from '../support/processor.js';
import { waitFor } from '../support/wait-for.js';
import { startUserApi, type UserApi } from '../personality/api-env.js';

const FEATURES = {
  danceability: 0.5,
  energy: 0.5,
  valence: 0.5,
  tempo: 120,
  acousticness: 0.5,
  instrumentalness: 0,
  speechiness: 0.1,
};
const track = (trackId: string, genres: string[], artists: string[]): Track => ({
  ...FEATURES,
  trackId,
  name: trackId,
  genres,
  artists,
  popularity: 50,
  durationMs: 200_000,
});
const TRACKS = [
  track('insA', ['rock'], ['Ann']),
  track('insB', ['pop'], ['Bob']),
  track('insC', ['rock', 'jazz'], ['Ann', 'Cid']),
  track('insD', ['jazz'], ['Cid']),
  track('insE', ['pop'], ['Eve']),
];
const USER = 'ivy';

let n = 0;
function listen(trackId: string, at: string, context: ListeningContext | null, eventId = `ins-${n++}`): UserEvent {
  const base = {
    eventId,
    userId: USER,
    trackId,
    occurredAt: Date.parse(at),
    context,
    recommendationId: null,
    recommendedAt: null,
  };
  return { ...base, kind: 'listening', msListened: 180_000, trackDurationMs: 200_000 };
}

const EVENTS: UserEvent[] = [
  listen('insA', '2026-01-10T08:15:00Z', 'workout'),
  listen('insA', '2026-01-10T20:30:00Z', 'workout'),
  listen('insB', '2026-01-11T08:45:00Z', null),
  listen('insC', '2026-01-11T23:10:00Z', 'focus'),
  listen('insC', '2026-01-12T09:00:00Z', 'study'),
  listen('insD', '2026-01-12T23:50:00Z', 'focus'),
  // A Spotify top track: recorded at sync time, so it has no hour of play.
  listen('insE', '2026-01-13T12:00:00Z', null, 'spotify:top:0123456789abcdef'),
  // Feedback is not a play: it counts nowhere here.
  { ...listen('insA', '2026-01-13T13:00:00Z', 'party'), kind: 'feedback', feedbackType: 'like', msListened: null },
];

describe('listening insights', () => {
  let env: EventPathEnv;
  let processor: EventProcessor;
  let api: UserApi;

  const insights = async (userId: string, query = ''): Promise<InsightsResponse> => {
    const res = await api.request('GET', `/v1/users/${userId}/insights${query}`);
    expect(res.status).toBe(200);
    return readJson<InsightsResponse>(res);
  };

  beforeAll(async () => {
    env = await createEventPathEnv('insights', { partitions: 1 });
    await insertTracks(env, TRACKS);
    processor = await startProcessor(env);
    api = await startUserApi(env, { partitions: 1 });
    await env.produce(EVENTS);
    await waitFor(
      async () => (await env.db.pool.query('SELECT 1 FROM music_interactions')).rowCount === EVENTS.length,
      {
        what: 'the learner to apply every event',
      },
    );
  });

  afterAll(async () => {
    await api?.close();
    await processor?.stop();
    await env?.close();
  });

  it('computes genre shares and their Shannon entropy exactly', async () => {
    const body = await insights(USER);
    // 7 plays. C's two plays split between rock and jazz: rock 2 + 1 = 3, jazz 1 + 1 = 2, pop 1 + 1 = 2.
    expect(body.totalPlays).toBe(7);
    expect(body.genreDistribution).toEqual([
      { name: 'rock', plays: 3, share: 3 / 7 },
      { name: 'jazz', plays: 2, share: 2 / 7 },
      { name: 'pop', plays: 2, share: 2 / 7 },
    ]);
    const bits = (3 / 7) * Math.log2(7 / 3) + 2 * ((2 / 7) * Math.log2(7 / 2));
    expect(body.genreEntropyBits).toBeCloseTo(bits, 12);
    expect(body.genreEntropyBits).toBeCloseTo(1.556656707, 8);
    expect(body.genreEntropyNormalised).toBeCloseTo(bits / Math.log2(3), 12);
  });

  it('ranks buckets and artists by plays', async () => {
    const body = await insights(USER);
    expect(body.topBuckets).toEqual([
      { name: 'Indie Vibes', plays: 4, share: 4 / 7 },
      { name: 'Pop Anthems', plays: 2, share: 2 / 7 },
      { name: 'Lo-fi Chill', plays: 1, share: 1 / 7 },
    ]);
    // Every artist of a track gets all its plays: Ann 2 + 2, Cid 2 + 1.
    expect(body.topArtists.map((a) => [a.name, a.plays])).toEqual([
      ['Ann', 4],
      ['Cid', 3],
      ['Bob', 1],
      ['Eve', 1],
    ]);
    expect((await insights(USER, '?top=2')).topArtists.map((a) => a.name)).toEqual(['Ann', 'Cid']);
  });

  it('bins plays by hour of day in the requested zone, and by context', async () => {
    const hours = (bins: Record<number, number>) => Array.from({ length: 24 }, (_, h) => bins[h] ?? 0);
    const utc = await insights(USER);
    expect(utc.timeZone).toBe('UTC');
    expect(utc.byHour).toEqual(hours({ 8: 2, 9: 1, 20: 1, 23: 2 }));
    // January in Berlin is UTC+1: 23:xx becomes 00:xx.
    expect((await insights(USER, '?timeZone=Europe/Berlin')).byHour).toEqual(hours({ 0: 2, 9: 2, 10: 1, 21: 1 }));
    expect(utc.byContext).toEqual({ workout: 2, party: 0, study: 1, commute: 0, relax: 0, sleep: 0, focus: 2 });
    expect(utc.unknownContextPlays).toBe(2);
  });

  it('answers empty insights for a user without history, and 400 for a bad query', async () => {
    expect(await insights('nobody')).toMatchObject({
      totalPlays: 0,
      genreDistribution: [],
      genreEntropyBits: 0,
      topArtists: [],
      byHour: Array(24).fill(0),
    });
    const res = await api.request('GET', `/v1/users/${USER}/insights?timeZone=Mars/Olympus`);
    expect(res.status).toBe(400);
    expect(await readJson<ErrorResponse>(res)).toMatchObject({ field: 'timeZone' });
  });
});
