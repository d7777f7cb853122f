/**
 * One prom-client Registry per process (never the library's global one, so several apps
 * in one test process do not collide), and helpers that turn the counters the code
 * already keeps into Prometheus series at scrape time: the hot paths only bump plain
 * numbers, and nothing is computed unless someone scrapes.
 */
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

export type Labels<L extends string> = Partial<Record<L, string | number>>;

/** A value read at scrape time, with its labels. */
export type Reading<L extends string> = readonly [labels: Labels<L>, value: number];

export interface ReadSpec<L extends string> {
  readonly name: string;
  readonly help: string;
  readonly labelNames?: readonly L[];
  /** Called on every scrape; returns the current value of each labelled series. */
  readonly read: () => Iterable<Reading<L>>;
}

/** A registry with Node's process metrics (CPU, memory, event-loop lag, GC). */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** A counter mirrored from a monotonically growing number the code keeps anyway. */
export function cumulativeCounter<L extends string>(registry: Registry, spec: ReadSpec<L>): Counter<L> {
  return new Counter<L>({
    name: spec.name,
    help: spec.help,
    labelNames: spec.labelNames ?? [],
    registers: [registry],
    collect() {
      this.reset();
      for (const [labels, value] of spec.read()) this.inc(labels, Math.max(0, value));
    },
  });
}

/** A gauge read at scrape time (pool sizes, the latest sample of a periodic probe). */
export function readGauge<L extends string>(registry: Registry, spec: ReadSpec<L>): Gauge<L> {
  return new Gauge<L>({
    name: spec.name,
    help: spec.help,
    labelNames: spec.labelNames ?? [],
    registers: [registry],
    collect() {
      this.reset();
      for (const [labels, value] of spec.read()) this.set(labels, value);
    },
  });
}

const shared = new WeakMap<Registry, Map<string, Array<() => Iterable<Reading<string>>>>>();

/**
 * A cumulative counter several collectors of one process add series to (cache lookups of
 * the list cache and of Spotify, errors of several kinds): registered on first use, the
 * readings of every collector merged at scrape time. The first spec's help text is kept.
 */
export function sharedCounter<L extends string>(registry: Registry, spec: ReadSpec<L>): void {
  const byName = shared.get(registry) ?? new Map<string, Array<() => Iterable<Reading<string>>>>();
  shared.set(registry, byName);
  let sources = byName.get(spec.name);
  if (!sources) {
    const all: Array<() => Iterable<Reading<string>>> = [];
    byName.set(spec.name, (sources = all));
    cumulativeCounter<string>(registry, { ...spec, read: () => all.flatMap((read) => [...read()]) });
  }
  sources.push(spec.read);
}
