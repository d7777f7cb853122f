/**
 * Readiness as every process reports it, in the gateway's established shape:
 * `{ status: 'ready' | 'not-ready', checks: { name: boolean } }`, plus `degraded` naming
 * failed checks the process can work without (the recommender without Redis fails open).
 * Each check has a deadline: a probe that hangs is a failed probe, not a hung endpoint.
 */
export interface HealthCheck {
  readonly name: string;
  /** false: reported, but the process is still ready without it. */
  readonly critical: boolean;
  check(): Promise<boolean> | boolean;
}

export interface Readiness {
  readonly status: 'ready' | 'not-ready';
  readonly checks: Readonly<Record<string, boolean>>;
  readonly degraded?: readonly string[];
}

export interface Liveness {
  readonly status: 'ok' | 'failing';
  readonly checks?: Readonly<Record<string, boolean>>;
}

export const CHECK_TIMEOUT_MS = 2000;

export async function evaluate(checks: readonly HealthCheck[], timeoutMs = CHECK_TIMEOUT_MS): Promise<Readiness> {
  const results = await Promise.all(checks.map((c) => withDeadline(c, timeoutMs)));
  const byName = Object.fromEntries(checks.map((c, i) => [c.name, results[i]]));
  const ready = checks.every((c, i) => results[i] || !c.critical);
  const degraded = checks.filter((c, i) => !results[i] && !c.critical).map((c) => c.name);
  return { status: ready ? 'ready' : 'not-ready', checks: byName, ...(degraded.length ? { degraded } : {}) };
}

export async function liveness(checks: readonly HealthCheck[]): Promise<Liveness> {
  if (checks.length === 0) return { status: 'ok' };
  const { checks: byName } = await evaluate(checks);
  return { status: Object.values(byName).every(Boolean) ? 'ok' : 'failing', checks: byName };
}

async function withDeadline(check: HealthCheck, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([Promise.resolve().then(() => check.check()), late]);
  } catch {
    // A probe that throws is simply "down"; the reason is the dependency's own log line.
    return false;
  } finally {
    clearTimeout(timer);
  }
}
