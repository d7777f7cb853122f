/** What the numbers were measured on: hardware, background load and software versions. */
import { execFile } from 'node:child_process';
import os from 'node:os';
import { promisify } from 'node:util';
import { javaVersion, kafkaToolsVersion } from './kafka-perf.js';

const run = promisify(execFile);

export interface MachineInfo {
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly java: string;
  readonly kafka: string;
  readonly postgres: string;
  readonly redis: string;
  /** 1/5/15-minute load averages when the run started (other engineers' tests share the machine). */
  readonly loadAtStart: readonly number[];
  /** The code measured: commit, and whether the working tree had uncommitted changes (then dist/ holds them). */
  readonly commit: string;
}

async function commitOf(): Promise<string> {
  try {
    const head = (await run('git', ['rev-parse', '--short', 'HEAD'])).stdout.trim();
    const dirty = (await run('git', ['status', '--porcelain', '--untracked-files=no'])).stdout.trim() !== '';
    return dirty ? `${head} + uncommitted changes` : head;
  } catch (error) {
    return `unknown (${String(error)})`;
  }
}

export const loadAverage = (): number[] => os.loadavg().map((v) => Math.round(v * 100) / 100);

export async function machineInfo(o: {
  postgresVersion: () => Promise<string>;
  redisVersion: () => Promise<string>;
}): Promise<MachineInfo> {
  const [java, kafka, postgres, redis, kernel, commit] = await Promise.all([
    javaVersion(),
    kafkaToolsVersion(),
    o.postgresVersion(),
    o.redisVersion(),
    run('uname', ['-sr']).then(
      (r) => r.stdout.trim(),
      () => os.release(),
    ),
    commitOf(),
  ]);
  return {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: kernel,
    node: process.version,
    java,
    kafka,
    postgres,
    redis,
    loadAtStart: loadAverage(),
    commit,
  };
}
