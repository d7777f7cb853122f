/**
 * Reads the Prometheus text exposition format (0.0.4) — what every process's /metrics
 * serves — into samples. Enough of the format for what prom-client writes: comments,
 * label sets with escaped values, NaN/±Inf, optional timestamps (ignored).
 */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?\s*/gy;

export function parsePrometheusText(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = LINE.exec(line);
    if (!m) continue; // a line we do not understand is skipped, not fatal: the rest still counts
    const labels = m[2] ? parseLabels(m[2]) : {};
    if (labels) samples.push({ name: m[1], labels, value: parseValue(m[3]) });
  }
  return samples;
}

function parseLabels(text: string): Record<string, string> | null {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  let consumed = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    labels[m[1]] = m[2].replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    consumed = LABEL.lastIndex;
  }
  return consumed === text.length ? labels : null;
}

function parseValue(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

/** Sum of the samples named `name` whose labels include `where`. */
export function sum(samples: readonly Sample[], name: string, where: Record<string, string> = {}): number {
  let total = 0;
  for (const s of samples) if (s.name === name && matches(s.labels, where)) total += s.value;
  return total;
}

/** Whether a sample named `name` with labels `where` exists (an absent series is not the same as zero). */
export function has(samples: readonly Sample[], name: string, where: Record<string, string> = {}): boolean {
  return samples.some((s) => s.name === name && matches(s.labels, where));
}

export function matches(labels: Readonly<Record<string, string>>, where: Record<string, string>): boolean {
  return Object.entries(where).every(([k, v]) => labels[k] === v);
}
