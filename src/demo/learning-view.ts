/**
 * The "watch it learn" block: for a few users, the top GenZ buckets, genres and Q-values
 * from their Redis snapshot (the recommender's read model), with the change since the
 * previous view. Scores are reward averages; n is how many events taught them. Pure
 * formatting; the caller reads the snapshots.
 */
import type { PreferenceRow, UserSnapshot } from '../domain/user-snapshot.js';
import { fmt } from './demo-output.js';

export interface WatchedUser {
  readonly userId: string;
  readonly now: UserSnapshot | null;
  readonly before: UserSnapshot | null;
}

const TOP = 3;

export function formatLearningView(users: readonly WatchedUser[]): string[] {
  return users.flatMap(formatUser);
}

function formatUser(u: WatchedUser): string[] {
  const s = u.now;
  if (!s) return [`  ${u.userId}  no events applied yet`];
  const b = u.before;
  return [
    `  ${u.userId}  ${fmt(s.episodes)} events learned`,
    `    buckets  ${ranked(s.buckets, b?.buckets ?? null)}`,
    `    genres   ${ranked(s.genres, b?.genres ?? null)}`,
    `    Q(rec)   ${topQ(s, b)}`,
  ];
}

function ranked(rows: readonly PreferenceRow[], before: readonly PreferenceRow[] | null): string {
  if (rows.length === 0) return '–';
  const old = new Map((before ?? []).map(([name, score]) => [name, score]));
  return rows
    .slice(0, TOP)
    .map(([name, score, count]) => {
      const earlier = before === null ? undefined : (old.get(name) ?? null);
      return `${name} ${signed(score)} n=${fmt(count)}${change(score, earlier)}`;
    })
    .join(' · ');
}

/** Highest Q(recommend) first: the track states the user has learned to want. Key: e/v/d/t bins 0 low … 2 high. */
function topQ(s: UserSnapshot, before: UserSnapshot | null): string {
  const rows = Object.entries(s.q)
    .map(([key, [rec]]) => [key, rec] as const)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, TOP);
  if (rows.length === 0) return '–';
  return rows
    .map(([key, q]) => {
      const [bins, bucket] = key.split('|');
      const old = before === null ? undefined : (before.q[key]?.[0] ?? null);
      return `${bucket} ${bins} ${signed(q)}${change(q, old)}`;
    })
    .join(' · ');
}

/** `undefined`: no earlier view to compare with; `null`: new since the earlier view. */
function change(now: number, before: number | null | undefined): string {
  if (before === undefined) return '';
  if (before === null) return ' (new)';
  const d = now - before;
  return Math.abs(d) < 0.0005 ? '' : ` (${d > 0 ? '↑' : '↓'}${Math.abs(d).toFixed(3)})`;
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
}
