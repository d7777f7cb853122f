/**
 * The order plays are streamed in. Each user's plays stay in time order (the only order
 * the learner depends on: a user's state is a function of that user's events alone);
 * across users, every user advances through its own history at the same pace, so all
 * users learn side by side instead of one after another.
 */
import type { PlannedPlay, UserPlan } from '../lastfm/user-timeline.js';

/** Play i of a user with n plays sits at (i + ½)/n of the run; ties go to the smaller user id. */
export function* interleave(plans: readonly UserPlan[]): Generator<PlannedPlay> {
  const users = [...plans].filter((p) => p.plays.length > 0).sort((a, b) => (a.userId < b.userId ? -1 : 1));
  const next = users.map(() => 0);
  for (;;) {
    let best = -1;
    let bestAt = Infinity;
    users.forEach((u, k) => {
      if (next[k] >= u.plays.length) return;
      const at = (next[k] + 0.5) / u.plays.length;
      if (at < bestAt) [best, bestAt] = [k, at];
    });
    if (best < 0) return;
    yield users[best].plays[next[best]++];
  }
}

/** The first `limit` plays of the interleaved stream: each user's earliest plays, in proportion. */
export function* limited<T>(items: Iterable<T>, limit: number | null): Generator<T> {
  if (limit === null) return yield* items;
  let n = 0;
  for (const item of items) {
    if (n++ >= limit) return;
    yield item;
  }
}

/** Plays per user in the first `limit` of the interleaved stream (for reporting and picking users to watch). */
export function playsPerUser(plans: readonly UserPlan[], limit: number | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of limited(interleave(plans), limit)) counts.set(p.userId, (counts.get(p.userId) ?? 0) + 1);
  return counts;
}

/** The first `n` users by id (`--users`). */
export function firstUsers(plans: readonly UserPlan[], n: number | null): UserPlan[] {
  const sorted = [...plans].sort((a, b) => (a.userId < b.userId ? -1 : 1));
  return n === null ? sorted : sorted.slice(0, n);
}

/** Users to watch: the named ones, else the three with the most plays streamed (ties by id). */
export function watchedUsers(counts: ReadonlyMap<string, number>, named: readonly string[]): string[] {
  if (named.length > 0) return [...named];
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([u]) => u);
}
