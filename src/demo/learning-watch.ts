/** Reads the watched users' snapshots from Redis and prints them against the previous view. */
import type { UserSnapshot } from '../domain/user-state.js';
import type { SnapshotCache } from '../infra/redis/snapshot.cache.js';
import type { DemoOutput } from './demo-output.js';
import { formatLearningView } from './learning-view.js';

/**
 * The processor deletes a user's snapshot before each commit and writes the new one
 * right after (a crash must leave it missing, never stale). While a user's events flow,
 * a read lands in that gap about half the time, so it is retried for up to half a second
 * before the user is shown as having no model yet.
 */
const GAP_RETRIES = 20;
const GAP_RETRY_MS = 25;

export class LearningWatch {
  private before = new Map<string, UserSnapshot>();

  constructor(
    private readonly o: {
      readonly snapshots: SnapshotCache<UserSnapshot>;
      readonly watch: readonly string[];
      readonly out: DemoOutput;
    },
  ) {}

  async print(title: string): Promise<void> {
    const now = new Map<string, UserSnapshot>();
    for (const userId of this.o.watch) {
      const snapshot = await this.read(userId);
      if (snapshot) now.set(userId, snapshot);
    }
    const users = this.o.watch.map((userId) => ({
      userId,
      now: now.get(userId) ?? null,
      before: this.before.get(userId) ?? null,
    }));
    this.o.out.line(`--- ${title} ---`);
    for (const line of formatLearningView(users)) this.o.out.line(line);
    this.before = now;
  }

  /** Still missing after the retries: the previous view's snapshot, or none yet. */
  private async read(userId: string): Promise<UserSnapshot | null> {
    for (let attempt = 0; ; attempt++) {
      const snapshot = await this.o.snapshots.read(userId);
      if (snapshot || attempt >= GAP_RETRIES) return snapshot ?? this.before.get(userId) ?? null;
      await new Promise((r) => setTimeout(r, GAP_RETRY_MS));
    }
  }
}
