/**
 * A demo run starts from empty event state: re-running always shows users learning from
 * scratch. The catalog (Postgres `tracks` and the catalog topic) is kept, so a second
 * run skips the import. Only the demo's own schema, topic prefix and keys are touched.
 */
import type { Admin } from 'kafkajs';
import type { UserSnapshot } from '../domain/user-state.js';
import type { Executor } from '../infra/postgres/pool.js';
import type { SnapshotCache } from '../infra/redis/snapshot.cache.js';
import { truncateEventState } from './demo-state.repository.js';

export interface ResetReport {
  readonly tables: readonly string[];
  readonly topics: readonly string[];
  readonly groupDeleted: boolean;
}

export interface ResetTargets {
  readonly db: Executor;
  readonly schema: string;
  readonly admin: Admin;
  readonly topicPrefix: string;
  /** Topics under the prefix that survive (the compacted catalog topic). */
  readonly keepTopics: readonly string[];
  readonly group: string;
}

/**
 * The group goes first: a member still in it means a processor is running, and nothing
 * may be deleted under it. Its committed offsets would also point into the numbering of
 * the topics about to be recreated.
 */
export async function resetDemoState(t: ResetTargets): Promise<ResetReport> {
  const groupDeleted = await deleteIdleGroup(t.admin, t.group);
  const topics = await deleteTopics(t.admin, t.topicPrefix, t.keepTopics);
  const tables = await truncateEventState(t.db, t.schema);
  return { tables, topics, groupDeleted };
}

/** Snapshots of the users about to be streamed: a view must never show the previous run's model. */
export async function dropSnapshots(cache: SnapshotCache<UserSnapshot>, userIds: readonly string[]): Promise<void> {
  for (let i = 0; i < userIds.length; i += 500) await cache.invalidate(userIds.slice(i, i + 500));
}

async function deleteTopics(admin: Admin, prefix: string, keep: readonly string[]): Promise<string[]> {
  if (prefix === '') throw new Error('refusing to reset topics without a topic prefix');
  const doomed = (await admin.listTopics()).filter((t) => t.startsWith(prefix) && !keep.includes(t)).sort();
  if (doomed.length === 0) return [];
  await admin.deleteTopics({ topics: doomed, timeout: 30_000 });
  // Deletion is asynchronous; recreating a name still being deleted fails.
  const deadline = Date.now() + 60_000;
  while ((await admin.listTopics()).some((t) => doomed.includes(t))) {
    if (Date.now() > deadline) throw new Error(`topics still being deleted after 60 s: ${doomed.join(', ')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return doomed;
}

/**
 * A group whose last member just left may briefly still count as non-empty, or its
 * coordinator may be busy: retried until `GROUP_DELETE_MS`. Members that stay longer
 * than a session timeout belong to a live processor — another demo.
 */
const GROUP_DELETE_MS = 45_000;

async function deleteIdleGroup(admin: Admin, group: string): Promise<boolean> {
  const deadline = Date.now() + GROUP_DELETE_MS;
  for (;;) {
    const { groups } = await admin.describeGroups([group]);
    const g = groups[0];
    if (!g || g.state === 'Dead') return false;
    const outcome = g.members.length > 0 ? 'members' : await tryDelete(admin, group);
    if (outcome === 'deleted') return true;
    if (outcome === 'gone') return false;
    if (Date.now() > deadline) {
      throw new Error(
        outcome === 'members'
          ? `consumer group ${group} still has ${g.members.length} member(s): is another demo running?`
          : `could not delete consumer group ${group}: ${outcome}`,
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** 'deleted', 'gone' (someone else deleted it) or the broker's reason to refuse, for the retry loop. */
async function tryDelete(admin: Admin, group: string): Promise<string> {
  try {
    await admin.deleteGroups([group]);
    return 'deleted';
  } catch (error) {
    const reasons = (error as { groups?: Array<{ error?: { type?: string } }> }).groups?.map((x) => x.error?.type);
    if (reasons?.includes('GROUP_ID_NOT_FOUND')) return 'gone';
    return reasons?.join(', ') || (error instanceof Error ? error.message : String(error));
  }
}
