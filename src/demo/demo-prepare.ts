/**
 * Everything before the first event is produced: catalog in place and in memory, plays
 * read and matched, users chosen and created with their sign-up dates.
 */
import type { CatalogInput } from '../catalog/catalog-import.args.js';
import { ensureUsers } from '../infra/postgres/users.repository.js';
import type { CatalogMatcher } from '../lastfm/catalog-matcher.js';
import type { PlannedPlay, UserPlan } from '../lastfm/user-timeline.js';
import { ensureCatalog, loadMatcher, sourceOf } from './demo-catalog.js';
import { fmt, pct } from './demo-output.js';
import type { DemoContext } from './demo-pipeline.js';
import type { DemoSummary } from './demo-report.js';
import { planInput, signUps, type PlannedInput, type PlayInput } from './demo-plays.js';
import { dropSnapshots } from './demo-reset.js';
import type { DemoResources } from './demo-resources.js';
import { firstUsers, interleave, limited, playsPerUser, watchedUsers } from './stream-order.js';

export interface PreparedStream {
  readonly dataLabel: string;
  readonly catalog: DemoSummary['catalog'];
  readonly input: PlannedInput;
  /** Users with at least one play in the stream. */
  readonly users: readonly string[];
  readonly withSignUpDate: number;
  readonly duplicates: number;
  readonly watch: readonly string[];
  readonly totalEvents: number;
  /** A fresh iterator over the plays to stream, in stream order. */
  plays(): Iterable<PlannedPlay>;
}

export async function prepareStream(o: {
  ctx: DemoContext;
  r: DemoResources;
  input: PlayInput;
  catalog: CatalogInput;
}): Promise<PreparedStream> {
  const { ctx, r } = o;
  const { matcher, imported, source } = await catalogStep(ctx, r, o.catalog);
  const input = await matchStep(ctx, o.input, matcher);
  const plans = firstUsers(input.plans, ctx.options.users);
  const counts = playsPerUser(plans, ctx.options.limit);
  const users = [...counts.keys()].sort();
  const withSignUpDate = await usersStep(ctx, r, input, users);
  const plays = (): Iterable<PlannedPlay> => limited(interleave(plans), ctx.options.limit);
  return {
    dataLabel: dataLabel(ctx),
    catalog: { tracks: matcher.size, source, imported },
    input,
    users,
    withSignUpDate,
    duplicates: duplicatesOf(plans),
    watch: watchedUsers(counts, ctx.options.watch),
    totalEvents: countEvents(plays()),
    plays,
  };
}

async function catalogStep(ctx: DemoContext, r: DemoResources, catalog: CatalogInput) {
  const outcome = await ensureCatalog({ config: ctx.config, db: r.pool, input: catalog });
  const { schema } = ctx.config.database;
  say(
    ctx,
    outcome.imported
      ? `catalog: imported ${fmt(outcome.imported.rowsRead)} rows`
      : `catalog: all ${fmt(outcome.expected)} tracks already in schema ${schema}, import skipped`,
  );
  const source = sourceOf(catalog);
  const matcher = await loadMatcher(r.pool, source);
  say(ctx, `catalog: ${fmt(matcher.size)} ${source} tracks loaded into memory for matching`);
  return { matcher, imported: outcome.imported !== null, source };
}

async function matchStep(ctx: DemoContext, input: PlayInput, matcher: CatalogMatcher): Promise<PlannedInput> {
  const { artistFallback } = ctx.options;
  const planned = await planInput(input, { matcher, artistFallback });
  const s = planned.log.stats;
  say(
    ctx,
    `plays: ${fmt(s.plays)} read, ${fmt(s.malformed)} malformed; ` +
      `matched by artist+title ${fmt(s.matchedByTitle)} (${pct(s.matchedByTitle, s.plays)}), ` +
      `by artist only ${fmt(s.matchedByArtist)} (${pct(s.matchedByArtist, s.plays)}${artistFallback ? '' : ', fallback off'}), ` +
      `unmatched ${fmt(s.unmatched)}`,
  );
  return planned;
}

/** Users exist with their sign-up date before their first event, so cold-start stages apply. */
async function usersStep(ctx: DemoContext, r: DemoResources, input: PlannedInput, users: string[]): Promise<number> {
  const newUsers = signUps(input, users);
  await ensureUsers(r.pool, newUsers);
  await dropSnapshots(r.snapshots, users);
  const fromProfile = newUsers.filter((u) => input.profiles.get(u.userId)?.registeredAt === u.createdAt).length;
  const bad = input.malformedProfiles.length;
  say(
    ctx,
    `users: ${users.length} created; sign-up date from the profile for ${fromProfile}, first play for ` +
      `${users.length - fromProfile}${bad > 0 ? `; ${bad} malformed profile lines` : ''}`,
  );
  return fromProfile;
}

function say(ctx: DemoContext, text: string): void {
  ctx.out.step('prepare', text);
}

function countEvents(plays: Iterable<PlannedPlay>): number {
  let n = 0;
  for (const p of plays) n += p.repeat ? 2 : 1;
  return n;
}

function duplicatesOf(plans: readonly UserPlan[]): number {
  return plans.reduce((sum, p) => sum + p.duplicates, 0);
}

function dataLabel(ctx: DemoContext): string {
  return ctx.data.kind === 'files'
    ? `${ctx.data.dir} (Last.fm 1K plays, Spotify tracks catalog)`
    : `generated users and catalog (${ctx.data.why})`;
}
