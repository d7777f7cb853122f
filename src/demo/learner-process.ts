/**
 * The event processor as a child process (the real `learner.main` entry point, as it runs
 * in production), with its JSON logs in a file. Stopping sends SIGTERM, which lets it
 * finish and commit its batch; after a grace period it is killed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';

export interface LearnerProcess {
  readonly pid: number;
  readonly logFile: string;
  /** Resolves when the processor logged that it consumes (throws if the process died first). */
  ready(timeoutMs: number): Promise<void>;
  /** True while the process runs. */
  alive(): boolean;
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last lines of its log, for error messages. */
  tail(lines?: number): Promise<string>;
}

/** Logged by LearnerModule once the consumer runs. */
const READY_MARK = '"msg":"event processor started"';

export function startLearner(o: {
  entry: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Log text that says the process is serving (default: the learner's start line). */
  readyMark?: string;
}): LearnerProcess {
  const mark = o.readyMark ?? READY_MARK;
  const child = spawn(process.execPath, [o.entry], { env: o.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(o.logFile);
  let seen = '';
  let ready = false;
  const onData = (chunk: Buffer): void => {
    log.write(chunk);
    if (ready) return;
    seen = (seen + chunk.toString('utf8')).slice(-4096);
    ready = seen.includes(mark);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      log.end();
      resolve({ code, signal });
    }),
  );
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  const tail = async (lines = 20): Promise<string> =>
    (await readFile(o.logFile, 'utf8').catch(() => '')).trimEnd().split('\n').slice(-lines).join('\n');
  return {
    pid: child.pid ?? -1,
    logFile: o.logFile,
    alive,
    tail,
    ready: (timeoutMs) => waitReady({ isReady: () => ready, alive, timeoutMs, tail }),
    stop: (graceMs = 30_000) => stopChild(child, exited, graceMs),
  };
}

async function waitReady(o: {
  isReady: () => boolean;
  alive: () => boolean;
  timeoutMs: number;
  tail: () => Promise<string>;
}) {
  const deadline = Date.now() + o.timeoutMs;
  while (!o.isReady()) {
    if (!o.alive()) throw new Error(`the event processor exited during start-up:\n${await o.tail()}`);
    if (Date.now() > deadline)
      throw new Error(`the event processor did not start within ${o.timeoutMs} ms:\n${await o.tail()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopChild(
  child: ChildProcess,
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  graceMs: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}
