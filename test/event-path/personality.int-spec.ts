/**
 * A personality change travels on the user-events topic, in order with the user's events:
 * the actor applies it between the events around it, so later state keys use it.
 */
import { learningParams } from '../../src/domain/learning-params.js';
import { HYPE, listenEvent } from '../../src/domain/test-fixtures.js';
import { decodeUserState } from '../../src/domain/user-state-codec.js';
import type { EventProcessor } from '../../src/learner/event-processor.js';
import { createEventPathEnv, insertTracks, type EventPathEnv } from '../support/event-path.js';
import { startProcessor } from '../support/processor.js';
import { waitFor } from '../support/wait-for.js';

describe('event path, personality changes', () => {
  let env: EventPathEnv;
  let processor: EventProcessor;

  beforeAll(async () => {
    env = await createEventPathEnv('persona', { partitions: 1 });
    await insertTracks(env, [HYPE]);
    processor = await startProcessor(env, learningParams({ replayEvery: 1000 }));
  });

  afterAll(async () => {
    await processor?.stop();
    await env?.close();
  });

  it('applies the profile in order and keys later learning by it', async () => {
    const profile = env.registry.encode('music.PersonalityProfileUpdate', {
      user_id: 'u1',
      openness: 90,
      conscientiousness: 10,
      extraversion: 75,
      agreeableness: 50,
      neuroticism: 30,
      confidence: 1,
      method: 'direct',
      assessed_at: 1_700_000_000_000,
      total_questions: 0,
      answered_questions: 0,
    });
    await env.produce([listenEvent('before', 'T1', 0, 200_000, 200_000)]);
    await env.produceRaw([{ key: 'u1', value: profile }]);
    await env.produce([listenEvent('after', 'T1', 1000, 200_000, 200_000)]);
    await waitFor(async () => (await env.db.pool.query('SELECT 1 FROM music_interactions')).rowCount === 2, {
      what: 'two events',
    });

    const { rows } = await env.db.pool.query('SELECT state_key FROM music_interactions ORDER BY source_offset');
    expect(rows.map((r) => r.state_key)).toEqual(['O1C1E1A1N1|e2v1d2t2|Hype Beats', 'O2C0E2A1N0|e2v1d2t2|Hype Beats']);
    const model = await env.db.pool.query('SELECT model_version, state FROM music_rl_models');
    const state = decodeUserState(model.rows[0].state);
    expect(state.personality).toEqual({
      openness: 90,
      conscientiousness: 10,
      extraversion: 75,
      agreeableness: 50,
      neuroticism: 30,
    });
    expect(Number(model.rows[0].model_version)).toBe(3); // two events and one profile change
    expect(processor.counters.deadLettered).toBe(0);
  });
});
