import { createQTable, qValue, rlAdjustment, updateQ } from './q-table.js';

describe('Q update Q ← Q + α(r − Q)', () => {
  it('matches the hand-worked sequence', () => {
    const q = createQTable();
    expect(updateQ(q, 's', 'recommend', 1, 0.1)).toEqual({ qBefore: 0, qAfter: 0.1 });
    const second = updateQ(q, 's', 'recommend', -0.4, 0.1); // 0.1 + 0.1·(−0.4 − 0.1) = 0.05
    expect(second.qBefore).toBe(0.1);
    expect(second.qAfter).toBeCloseTo(0.05, 15);
    expect(qValue(q, 's', 'recommend')).toBe(second.qAfter);
    expect(qValue(q, 's', 'not_recommend')).toBe(0);
    expect(qValue(q, 'unseen', 'recommend')).toBe(0);
  });

  it('α = 1 jumps straight to the reward', () => {
    const q = createQTable();
    updateQ(q, 's', 'not_recommend', -0.7, 1);
    expect(q.get('s')).toEqual([0, -0.7]);
  });
});

describe('rlAdjustment', () => {
  it.each<[string, number, number, number]>([
    ['unseen', 0, 0, 0],
    ['recommend ahead', 0.5, 0, Math.tanh(0.5)],
    ['not_recommend ahead', 0, 0.5, -Math.tanh(0.5)],
    ['saturates below 1', 30, -30, 1],
  ])('%s', (_name, rec, not, expected) => {
    const q = createQTable();
    if (rec !== 0 || not !== 0) q.set('s', [rec, not]);
    expect(rlAdjustment(q, 's')).toBeCloseTo(expected, 12);
    expect(Math.abs(rlAdjustment(q, 's'))).toBeLessThanOrEqual(1);
  });
});
