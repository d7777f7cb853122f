import { createQTable } from './q-table.js';
import {
  createReplayBuffer,
  experiencesInOrder,
  pushExperience,
  replay,
  resizeReplayBuffer,
  sampleExperiences,
  type Experience,
} from './replay-buffer.js';
import { createRng } from './rng.js';

const exp = (i: number): Experience => ({ stateKey: `s${i}`, action: 'recommend', reward: i });
const filled = (capacity: number, n: number) => {
  const b = createReplayBuffer(capacity);
  for (let i = 0; i < n; i++) pushExperience(b, exp(i));
  return b;
};
const rewards = (es: Experience[]) => es.map((e) => e.reward);

describe('replay buffer', () => {
  it('is a ring that overwrites the oldest experience', () => {
    const b = filled(3, 5);
    expect(b.items.length).toBe(3);
    expect(rewards(b.items)).toEqual([3, 4, 2]);
    expect(b.next).toBe(2);
    expect(rewards(experiencesInOrder(b))).toEqual([2, 3, 4]);
    expect(rewards(experiencesInOrder(filled(3, 2)))).toEqual([0, 1]);
  });

  it('resizes keeping the newest experiences', () => {
    expect(rewards(experiencesInOrder(resizeReplayBuffer(filled(5, 7), 3)))).toEqual([4, 5, 6]);
    expect(rewards(experiencesInOrder(resizeReplayBuffer(filled(3, 7), 5)))).toEqual([4, 5, 6]);
  });

  it('samples with replacement, reproducibly from the rng state', () => {
    const b = filled(10, 4);
    const a = sampleExperiences(b, createRng('u'), 32);
    expect(a).toHaveLength(32); // more draws than experiences: with replacement
    expect(new Set(rewards(a)).size).toBeLessThanOrEqual(4);
    expect(sampleExperiences(b, createRng('u'), 32)).toEqual(a);
    expect(rewards(sampleExperiences(b, createRng('v'), 32))).not.toEqual(rewards(a));
    expect(sampleExperiences(createReplayBuffer(3), createRng('u'), 32)).toEqual([]);
  });

  it('re-applies the Q update for each sample', () => {
    const b = createReplayBuffer(4);
    pushExperience(b, { stateKey: 's', action: 'recommend', reward: 1 });
    const q = createQTable();
    expect(replay(q, b, { rng: createRng(1), batchSize: 2, alpha: 0.1 })).toBe(2);
    expect(q.get('s')?.[0]).toBeCloseTo(0.19, 15); // 0 → 0.1 → 0.1 + 0.1·0.9
  });
});
