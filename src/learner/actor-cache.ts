/**
 * In-memory actors (one UserState per user), least recently used evicted first. The
 * cache only ever holds state that matches Postgres after the last committed batch;
 * an evicted user is reloaded from there.
 */
import type { UserState } from '../domain/user-state.js';

export class ActorCache {
  private readonly actors = new Map<string, UserState>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`actor cache capacity must be ≥ 1, got ${capacity}`);
  }

  get size(): number {
    return this.actors.size;
  }

  get(userId: string): UserState | undefined {
    const state = this.actors.get(userId);
    if (state) {
      // Map keeps insertion order: re-inserting marks the user most recently used.
      this.actors.delete(userId);
      this.actors.set(userId, state);
    }
    return state;
  }

  set(userId: string, state: UserState): void {
    this.actors.delete(userId);
    this.actors.set(userId, state);
    while (this.actors.size > this.capacity) {
      const oldest = this.actors.keys().next().value as string;
      this.actors.delete(oldest);
    }
  }

  evict(userIds: Iterable<string>): void {
    for (const u of userIds) this.actors.delete(u);
  }

  clear(): void {
    this.actors.clear();
  }
}
