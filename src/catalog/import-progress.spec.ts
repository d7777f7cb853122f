import type { ImportStats } from './catalog-importer.js';
import { formatSummary, ImportProgress, progressLine } from './import-progress.js';

const stats = (over: Partial<ImportStats> = {}): ImportStats => ({
  rowsRead: 50_000,
  badRows: 0,
  tracks: 40_000,
  inserted: 40_000,
  updated: 5,
  unchanged: 0,
  genresAdded: 9_000,
  published: 40_005,
  elapsedMs: 2_000,
  ...over,
});

describe('progressLine', () => {
  it.each([
    [0.5, '[##########----------]  50.0%  50,000 rows  25,000 rows/s  ETA 2s'],
    [null, '50,000 rows  25,000 rows/s'],
  ])('fraction %p', (fraction, expected) => {
    expect(progressLine(stats(), fraction)).toBe(expected);
  });

  it('mentions bad rows', () => {
    expect(progressLine(stats({ badRows: 3 }), null)).toContain('3 bad');
  });
});

describe('ImportProgress', () => {
  it('redraws one line in place on a TTY', () => {
    const out: string[] = [];
    const p = new ImportProgress({ out: { isTTY: true, write: (t: string) => out.push(t) }, fraction: () => null });
    p.update(stats());
    p.update(stats());
    p.finish();
    expect(out).toEqual(['\r50,000 rows  25,000 rows/s\x1b[K', '\r50,000 rows  25,000 rows/s\x1b[K', '\n']);
  });

  it('writes plain lines at most every plainEveryMs elsewhere', () => {
    const out: string[] = [];
    let now = 0;
    const p = new ImportProgress({
      out: { write: (t: string) => out.push(t) },
      fraction: () => null,
      now: () => now,
      plainEveryMs: 1000,
    });
    for (now = 0; now <= 2500; now += 500) p.update(stats());
    p.finish();
    expect(out).toHaveLength(3);
    expect(out.every((l) => l.endsWith('\n') && !l.includes('\r'))).toBe(true);
  });
});

describe('formatSummary', () => {
  it('lists counts, the first bad rows and the rate', () => {
    const text = formatSummary({
      ...stats({ badRows: 3 }),
      badRowSamples: [{ lineNumber: 65902, reason: 'empty track name/artists' }],
    });
    expect(text).toContain('rows read:         50,000');
    expect(text).toContain('line 65902: empty track name/artists');
    expect(text).toContain('… and 2 more');
    expect(text).toContain('2.00 s (25,000 rows/s)');
  });
});
