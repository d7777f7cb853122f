/**
 * CPU time per process group over a window, from /proc (Linux): which of the
 * processor, Postgres, Kafka, Redis and the bench itself used the two cores. Other
 * engineers' processes show up as `other` (their Postgres backends count as postgres).
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux x86-64/arm64

export type CpuGroups = Record<string, number>;

export interface CpuWindow {
  /** Cores used on average per group over the window (1.0 = one core busy). */
  stop(): CpuGroups;
}

/** The broker is the JVM running kafka.Kafka (Kafka's own perf tools are java too, and count as `other`). */
function isBroker(pid: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('kafka.Kafka');
  } catch {
    return false; // exited meanwhile
  }
}

function sample(named: ReadonlyMap<number, string>): Map<number, { group: string; ticks: number }> {
  const out = new Map<number, { group: string; ticks: number }>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out; // not Linux: no CPU breakdown
  }
  for (const dir of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${dir}/stat`, 'utf8');
    } catch {
      continue; // the process exited between readdir and read
    }
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // fields[11], fields[12] are utime and stime (fields 14 and 15 of proc(5), counted from after comm).
    const ticks = Number(fields[11]) + Number(fields[12]);
    const pid = Number(dir);
    const group =
      named.get(pid) ??
      (comm === 'postgres'
        ? 'postgres'
        : comm === 'redis-server'
          ? 'redis'
          : comm === 'java' && isBroker(dir)
            ? 'kafka'
            : 'other');
    out.set(pid, { group, ticks });
  }
  return out;
}

/**
 * Starts a window; `named` maps group names to pids (the processor child, the recommender…);
 * a group of several pids (learner processes in one consumer group) reports their total.
 */
export function cpuWindow(named: Record<string, number | undefined | ReadonlyArray<number | undefined>>): CpuWindow {
  const byPid = new Map<number, string>([[process.pid, 'bench']]);
  for (const [group, pids] of Object.entries(named))
    for (const pid of typeof pids === 'object' ? pids : [pids]) if (pid) byPid.set(pid, group);
  const started = performance.now();
  const before = sample(byPid);
  return {
    stop() {
      const seconds = (performance.now() - started) / 1000;
      const groups: CpuGroups = {};
      for (const [pid, now] of sample(byPid)) {
        const used = now.ticks - (before.get(pid)?.ticks ?? 0);
        if (used > 0) groups[now.group] = (groups[now.group] ?? 0) + used;
      }
      for (const g of Object.keys(groups)) groups[g] = Math.round((groups[g] / TICKS_PER_SECOND / seconds) * 100) / 100;
      return groups;
    },
  };
}
