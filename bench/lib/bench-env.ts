/**
 * Isolated environments for the bench: test/support's event-path environment (own
 * schema, topic prefix, Redis prefix; dropped at close) plus removal of the consumer
 * groups the run created, so a shared broker is left as it was found.
 */
import type { Admin } from 'kafkajs';
import { createEventPathEnv, type EventPathEnv } from '../../test/support/event-path.js';
import { sleep } from './stats.js';

export interface BenchEnv extends EventPathEnv {
  /** Consumer groups to delete at close (the env's own learner group is always deleted). */
  readonly groups: Set<string>;
}

export async function openBenchEnv(label: string, partitions: number): Promise<BenchEnv> {
  const env = await createEventPathEnv(label, { partitions });
  const groups = new Set([env.group]);
  return { ...env, groups, close: () => closeBenchEnv(env, groups) };
}

async function closeBenchEnv(env: EventPathEnv, groups: ReadonlySet<string>): Promise<void> {
  const admin = env.kafka.admin();
  await admin.connect();
  try {
    const existing = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
    for (const group of [...groups].filter((g) => existing.has(g))) await deleteGroup(admin, group);
  } finally {
    await admin.disconnect();
  }
  await env.close();
}

/** A member that just left may still be counted for a moment (NON_EMPTY_GROUP): retry a few times. */
async function deleteGroup(admin: Admin, group: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.deleteGroups([group]);
      return;
    } catch (error) {
      if (attempt >= 5) {
        process.stderr.write(`[bench] consumer group ${group} left behind: ${String(error)}\n`);
        return;
      }
      await sleep(1000);
    }
  }
}
