// Process bookkeeping: pid files, ownership checks, graceful stop, a start lock.
import { execFileSync } from 'node:child_process';
import {
  accessSync,
  closeSync,
  constants as fsConstants,
  existsSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { delimiter, join } from 'node:path';
import { sleep } from './util.mjs';

/** Absolute path of an executable on PATH or in one of `extraDirs`, else undefined. */
export function findExecutable(name, extraDirs = []) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...extraDirs].filter(Boolean);
  return dirs.map((dir) => join(dir, name)).find(isExecutableFile);
}

function isExecutableFile(path) {
  try {
    accessSync(path, fsConstants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false; // missing or not executable: the caller tries the next directory
  }
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === 'EPERM';
  }
  return !isZombie(pid);
}

// A daemon that exited stays a zombie until init reaps it, and kill(pid, 0) still succeeds.
function isZombie(pid) {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return false;
  const text = readFileSync(stat, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2).startsWith('Z');
}

export function commandLineOf(pid) {
  const procFile = `/proc/${pid}/cmdline`;
  if (existsSync(procFile)) return readFileSync(procFile, 'utf8').replaceAll('\0', ' ');
  try {
    return execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
  } catch {
    return ''; // no such process
  }
}

export function readPid(pidFile) {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0], 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * The pid recorded in `pidFile` if that process is alive and its command line
 * contains every marker (guards against a recycled pid). Removes a stale pid file.
 */
export function ownedPid({ pidFile, markers }) {
  const pid = readPid(pidFile);
  if (pid === undefined) return undefined;
  const commandLine = isAlive(pid) ? commandLineOf(pid) : '';
  if (markers.every((marker) => commandLine.includes(marker))) return pid;
  rmSync(pidFile, { force: true });
  return undefined;
}

/** Sends `signal`, waits up to `graceMs` for the exit, then SIGKILL. Returns how it ended. */
export async function stopProcess({ pid, signal = 'SIGTERM', graceMs = 30000 }) {
  if (!isAlive(pid)) return 'already exited';
  process.kill(pid, signal);
  const start = Date.now();
  while (Date.now() - start < graceMs) {
    if (!isAlive(pid)) return 'stopped';
    await sleep(200);
  }
  process.kill(pid, 'SIGKILL');
  while (isAlive(pid)) await sleep(100);
  return 'killed';
}

/**
 * Runs `fn` while holding an exclusive lock file, so two `up` calls racing on a
 * cold machine do not both fetch jars, format storage or start a broker.
 */
export async function withLock(lockFile, fn, { waitMs = 300000 } = {}) {
  const start = Date.now();
  for (;;) {
    const fd = tryCreate(lockFile);
    if (fd !== undefined) {
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    }
    const holder = readPid(lockFile);
    if (holder === undefined ? ageMs(lockFile) > 5000 : !isAlive(holder)) rmSync(lockFile, { force: true });
    else if (Date.now() - start > waitMs) throw new Error(`${lockFile} held by pid ${holder} for too long`);
    else await sleep(500);
  }
  try {
    return await fn();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

// Age of a lock file; an empty one younger than 5 s is still being written, not abandoned.
function ageMs(path) {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch (error) {
    if (error.code === 'ENOENT') return Infinity;
    throw error;
  }
}

function tryCreate(path) {
  try {
    return openSync(path, 'wx');
  } catch (error) {
    if (error.code === 'EEXIST') return undefined;
    throw error;
  }
}
