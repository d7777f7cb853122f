/**
 * Progress and summary text for the catalog import. On a TTY one line is redrawn in
 * place; otherwise (CI logs, pipes) a plain line is written every `plainEveryMs`, since
 * carriage returns turn log files into one unreadable line.
 */
import type { ImportStats, ImportSummary } from './catalog-importer.js';

export interface ProgressSink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface ProgressOptions {
  readonly out: ProgressSink;
  /** Fraction done in [0, 1] (bytes of the compressed input read, or rows of a known count). */
  readonly fraction: (stats: Readonly<ImportStats>) => number | null;
  readonly now?: () => number;
  readonly plainEveryMs?: number;
}

export class ImportProgress {
  private lastPlain = -Infinity;
  private drawn = false;

  constructor(private readonly options: ProgressOptions) {}

  update(stats: Readonly<ImportStats>): void {
    const line = progressLine(stats, this.options.fraction(stats));
    if (this.options.out.isTTY) {
      this.options.out.write(`\r${line}\x1b[K`);
      this.drawn = true;
      return;
    }
    const now = (this.options.now ?? Date.now)();
    if (now - this.lastPlain < (this.options.plainEveryMs ?? 5000)) return;
    this.lastPlain = now;
    this.options.out.write(`${line}\n`);
  }

  /** Ends the in-place line so the summary starts on a fresh one. */
  finish(): void {
    if (this.drawn) this.options.out.write('\n');
    this.drawn = false;
  }
}

export function progressLine(stats: Readonly<ImportStats>, fraction: number | null): string {
  const rate = ratePerSecond(stats.rowsRead, stats.elapsedMs);
  const parts = [`${fmt(stats.rowsRead)} rows`, `${fmt(Math.round(rate))} rows/s`];
  if (fraction !== null && fraction > 0) {
    const f = Math.min(1, fraction);
    const etaS = (stats.elapsedMs / 1000) * ((1 - f) / f);
    parts.unshift(`${bar(f)} ${(f * 100).toFixed(1).padStart(5)}%`);
    parts.push(`ETA ${Math.ceil(etaS)}s`);
  }
  if (stats.badRows > 0) parts.push(`${fmt(stats.badRows)} bad`);
  return parts.join('  ');
}

export function formatSummary(s: ImportSummary): string {
  const lines = [
    'catalog import finished',
    `  rows read:         ${fmt(s.rowsRead)}`,
    `  tracks (distinct): ${fmt(s.tracks)}`,
    `  inserted / updated / unchanged: ${fmt(s.inserted)} / ${fmt(s.updated)} / ${fmt(s.unchanged)}`,
    `  genre merges:      ${fmt(s.genresAdded)}`,
    `  published:         ${fmt(s.published)}`,
    `  bad rows:          ${fmt(s.badRows)}`,
    ...s.badRowSamples.map((b) => `    line ${b.lineNumber}: ${b.reason}`),
  ];
  if (s.badRows > s.badRowSamples.length) lines.push(`    … and ${fmt(s.badRows - s.badRowSamples.length)} more`);
  lines.push(
    `  elapsed:           ${(s.elapsedMs / 1000).toFixed(2)} s (${fmt(Math.round(ratePerSecond(s.rowsRead, s.elapsedMs)))} rows/s)`,
  );
  return `${lines.join('\n')}\n`;
}

function ratePerSecond(rows: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (rows * 1000) / elapsedMs : 0;
}

function bar(f: number, width = 20): string {
  const full = Math.round(f * width);
  return `[${'#'.repeat(full)}${'-'.repeat(width - full)}]`;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
