// Small shared helpers: paths, logging, deadlines and TCP probes.
import net from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const STACK_DIR = resolve(REPO_ROOT, '.stack');

export function say(service, message) {
  process.stdout.write(`[stack] ${service.padEnd(8)} ${message}\n`);
}

export function seconds(sinceMs) {
  return `${((Date.now() - sinceMs) / 1000).toFixed(1)} s`;
}

export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Error whose message is meant for the person at the terminal, printed without a stack. */
export class StackError extends Error {
  constructor(message) {
    super(message);
    this.name = 'StackError';
  }
}

/** Resolves true when something accepts TCP connections on host:port. */
export function tcpOpen({ host, port, timeoutMs = 1000 }) {
  return new Promise((done) => {
    const socket = net.connect({ host, port });
    const finish = (open) => {
      socket.destroy();
      done(open);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/**
 * Polls `probe` until it returns a truthy value or the deadline passes.
 * `onWait(elapsedMs, lastError)` is called about every `reportEveryMs`;
 * `abort()` may return a reason string to stop waiting early.
 */
export async function waitFor({ probe, deadlineMs, intervalMs = 500, reportEveryMs = 5000, onWait, abort }) {
  const start = Date.now();
  let lastReport = start;
  let lastError;
  while (Date.now() - start < deadlineMs) {
    try {
      const value = await probe();
      if (value) return { ok: true, value };
    } catch (error) {
      lastError = error;
    }
    const reason = abort?.();
    if (reason) return { ok: false, reason, lastError };
    if (onWait && Date.now() - lastReport >= reportEveryMs) {
      lastReport = Date.now();
      onWait(Date.now() - start, lastError);
    }
    await sleep(intervalMs);
  }
  return { ok: false, reason: `not ready after ${deadlineMs / 1000} s`, lastError };
}

export function tailOf(path, lines = 40) {
  if (!existsSync(path)) return `(no ${path})`;
  return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** host and port of a postgres:// or redis:// URL, with the scheme's default port. */
export function endpointOf(url, defaultPort) {
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
  return { host, port: Number(parsed.port || defaultPort), parsed };
}

export function isLocalHost(host) {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}
