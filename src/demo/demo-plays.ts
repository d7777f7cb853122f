/**
 * The input step: read (or generate) the play log, match it against the catalog, plan
 * each user's listens, and work out when each account was created.
 */
import { createReadStream } from 'node:fs';
import type { NewUser } from '../infra/postgres/users.repository.js';
import type { CatalogMatcher } from '../lastfm/catalog-matcher.js';
import type { LastfmPlay, LastfmProfile, MalformedLine, Parsed } from '../lastfm/lastfm-play.js';
import { readPlayLog, type PlayLog } from '../lastfm/play-log.js';
import { readPlays } from '../lastfm/plays-reader.js';
import { readProfiles } from '../lastfm/profiles-reader.js';
import { planUser, type UserPlan } from '../lastfm/user-timeline.js';
import type { DemoDataSource } from './demo-data.js';
import type { GeneratedLog } from './generated-plays.js';

export type PlayInput =
  | { readonly kind: 'files'; readonly source: Extract<DemoDataSource, { kind: 'files' }> }
  | { readonly kind: 'generated'; readonly log: GeneratedLog };

export interface PlannedInput {
  readonly log: PlayLog;
  /** Every user of the log, planned (selection by --users happens later). */
  readonly plans: UserPlan[];
  readonly profiles: ReadonlyMap<string, LastfmProfile>;
  readonly malformedProfiles: readonly MalformedLine[];
}

export async function planInput(
  input: PlayInput,
  o: { matcher: CatalogMatcher; artistFallback: boolean },
): Promise<PlannedInput> {
  const items = input.kind === 'files' ? readPlays(createReadStream(input.source.plays)) : fromArray(input.log.plays);
  const log = await readPlayLog(items, { matcher: o.matcher, artistFallback: o.artistFallback });
  const users = new Set(log.timelines.keys());
  const profiles = new Map<string, LastfmProfile>();
  const malformedProfiles: MalformedLine[] = [];
  const profileItems =
    input.kind === 'files' ? readProfiles(createReadStream(input.source.profiles)) : ok(input.log.profiles);
  for await (const p of profileItems) {
    if (!p.ok) malformedProfiles.push(p.bad);
    else if (users.has(p.value.userId)) profiles.set(p.value.userId, p.value);
  }
  const plans = [...log.timelines].map(([userId, timeline]) => planUser(userId, timeline));
  return { log, plans, profiles, malformedProfiles };
}

/**
 * An account exists from its sign-up day, but never later than its first scrobble (the
 * data has users whose plays start before the recorded sign-up, or no sign-up date).
 */
export function signUps(input: PlannedInput, userIds: Iterable<string>): NewUser[] {
  const out: NewUser[] = [];
  for (const userId of userIds) {
    // A loop, not Math.min(...plays): a heavy user has more plays than a call takes arguments.
    const firstPlay = (input.log.timelines.get(userId) ?? []).reduce((min, p) => Math.min(min, p.playedAt), Infinity);
    const registered = input.profiles.get(userId)?.registeredAt ?? Infinity;
    const createdAt = Math.min(firstPlay, registered);
    if (Number.isFinite(createdAt)) out.push({ userId, createdAt });
  }
  return out;
}

async function* fromArray(items: ReadonlyArray<Parsed<LastfmPlay>>): AsyncGenerator<Parsed<LastfmPlay>> {
  yield* items;
}

async function* ok(profiles: readonly LastfmProfile[]): AsyncGenerator<Parsed<LastfmProfile>> {
  for (const value of profiles) yield { ok: true, value };
}
