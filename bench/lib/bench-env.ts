/**
 * Isolated environments for the bench: test/support's event-path environment (own
 * schema, topic prefix, Redis prefix; dropped at close) plus removal of the consumer
 * groups the run created, so a shared broker is left as it was found.
 */
import { createEventPathEnv, type EventPathEnv } from '../../test/support/event-path.js';

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
    const mine = [...groups].filter((g) => existing.has(g));
    if (mine.length) await admin.deleteGroups(mine);
  } catch (error) {
    process.stderr.write(`[bench] could not delete consumer groups ${[...groups].join(', ')}: ${String(error)}\n`);
  } finally {
    await admin.disconnect();
  }
  await env.close();
}
