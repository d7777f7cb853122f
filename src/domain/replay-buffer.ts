/**
 * Experience replay: a fixed-capacity ring of past (state, action, reward) experiences.
 * Mutable, owned by the user's actor like the Q-table.
 */
import { updateQ, type QTable } from './q-table.js';
import type { Rng } from './rng.js';
import type { Action } from './types.js';

export interface Experience {
  readonly stateKey: string;
  readonly action: Action;
  readonly reward: number;
}

export interface ReplayBuffer {
  readonly capacity: number;
  /** Slots in write order until full; then `next` is the oldest slot, overwritten next. */
  readonly items: Experience[];
  next: number;
}

export function createReplayBuffer(capacity: number): ReplayBuffer {
  return { capacity, items: [], next: 0 };
}

export function pushExperience(buffer: ReplayBuffer, e: Experience): void {
  if (buffer.items.length < buffer.capacity) {
    buffer.items.push(e);
    return;
  }
  buffer.items[buffer.next] = e;
  buffer.next = (buffer.next + 1) % buffer.capacity;
}

/** Oldest first. */
export function experiencesInOrder(buffer: ReplayBuffer): Experience[] {
  const { items, next } = buffer;
  return items.length < buffer.capacity ? items.slice() : [...items.slice(next), ...items.slice(0, next)];
}

/** A buffer of another capacity keeping the newest experiences (used when the configured capacity changes). */
export function resizeReplayBuffer(buffer: ReplayBuffer, capacity: number): ReplayBuffer {
  const resized = createReplayBuffer(capacity);
  for (const e of experiencesInOrder(buffer).slice(-capacity)) pushExperience(resized, e);
  return resized;
}

/**
 * Uniform sample WITH replacement: each draw is independent (rng.int over the current
 * size), so a batch may exceed the buffer's size and the rng advances exactly n steps.
 */
export function sampleExperiences(buffer: ReplayBuffer, rng: Rng, n: number): Experience[] {
  const size = buffer.items.length;
  if (size === 0) return [];
  return Array.from({ length: n }, () => buffer.items[rng.int(size)]);
}

/** Re-applies the Q update for a sampled batch; returns how many updates ran. */
export function replay(
  q: QTable,
  buffer: ReplayBuffer,
  options: { rng: Rng; batchSize: number; alpha: number },
): number {
  const batch = sampleExperiences(buffer, options.rng, options.batchSize);
  for (const e of batch) updateQ(q, e.stateKey, e.action, e.reward, options.alpha);
  return batch.length;
}

export function cloneReplayBuffer(buffer: ReplayBuffer): ReplayBuffer {
  return { capacity: buffer.capacity, items: buffer.items.slice(), next: buffer.next };
}
