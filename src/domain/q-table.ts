/**
 * Per-user Q-table over (state key, action). Mutable and owned by the user's actor:
 * per-event copies of a table with thousands of entries would dominate the event path.
 */
import type { Action } from './types.js';

/** [Q(s, recommend), Q(s, not_recommend)]; absent entries read as [0, 0]. */
export type QPair = [recommend: number, notRecommend: number];
export type QTable = Map<string, QPair>;

const INDEX: Readonly<Record<Action, 0 | 1>> = { recommend: 0, not_recommend: 1 };

export function createQTable(): QTable {
  return new Map();
}

export function qValue(q: QTable, stateKey: string, action: Action): number {
  return q.get(stateKey)?.[INDEX[action]] ?? 0;
}

export interface QUpdate {
  readonly qBefore: number;
  readonly qAfter: number;
}

/**
 * Q(s,a) ← Q(s,a) + α·(r − Q(s,a)), in place. The product specifies this one-step
 * (bandit) form: an event has no observed successor state to bootstrap from, so γ is unused.
 */
export function updateQ(q: QTable, stateKey: string, action: Action, reward: number, alpha: number): QUpdate {
  let pair = q.get(stateKey);
  if (!pair) {
    pair = [0, 0];
    q.set(stateKey, pair);
  }
  const i = INDEX[action];
  const qBefore = pair[i];
  const qAfter = qBefore + alpha * (reward - qBefore);
  pair[i] = qAfter;
  return { qBefore, qAfter };
}

/** tanh(Q(recommend) − Q(not_recommend)) ∈ (−1, 1); 0 for unseen states. The scorer scales it to ±0.05. */
export function rlAdjustmentOf(pair: readonly [number, number] | undefined): number {
  return pair ? Math.tanh(pair[0] - pair[1]) : 0;
}

export function rlAdjustment(q: QTable, stateKey: string): number {
  return rlAdjustmentOf(q.get(stateKey));
}

export function cloneQTable(q: QTable): QTable {
  return new Map(Array.from(q, ([k, [a, b]]) => [k, [a, b]]));
}
