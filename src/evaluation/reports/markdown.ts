/** Small Markdown helpers shared by the scenario summaries. */
import type { MeanWithError } from '../metrics/reward-curves.js';

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function num(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : 'n/a';
}

/** `0.123 ± 0.004` (standard error). */
export function withError(m: MeanWithError, digits = 3): string {
  return m.n === 0 ? 'n/a' : `${num(m.mean, digits)} ± ${num(m.stderr, digits)}`;
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)} %`;
}
