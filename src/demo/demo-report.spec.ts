import { formatSummary, progressLine, type DemoSummary } from './demo-report.js';

const SUMMARY: DemoSummary = {
  data: '/data (Last.fm 1K plays, Spotify tracks catalog)',
  catalog: { tracks: 5, source: 'spotify-dataset', imported: true },
  stats: { plays: 12, matchedByTitle: 10, matchedByArtist: 1, unmatched: 1, malformed: 1 },
  malformedSamples: [{ lineNumber: 12, reason: 'expected 6 tab-separated fields, got 4' }],
  duplicates: 1,
  users: { streamed: 3, withSignUpDate: 1 },
  streamed: { plays: 10, events: 13, repeats: 3 },
  applied: 13,
  byFeedback: new Map([
    ['play', 9],
    ['repeat', 3],
    ['skip', 1],
  ]),
  deadLetters: 0,
  streamMs: 2000,
  rate: 0,
  totalMs: 9500,
};

describe('formatSummary', () => {
  it('reports every count, the match rates and the throughput', () => {
    expect(formatSummary(SUMMARY)).toEqual([
      'demo summary',
      '  data           /data (Last.fm 1K plays, Spotify tracks catalog)',
      '  catalog        5 spotify-dataset tracks (imported this run)',
      '  plays read     13 lines: 12 plays, 1 malformed',
      '                   line 12: expected 6 tab-separated fields, got 4',
      '  matched        artist+title 10 (83.3%) · artist only, stand-in track 1 (8.3%) · unmatched 1 (8.3%)',
      '  streamed       10 plays of 3 users → 13 events (10 listening + 3 repeat feedback); duplicate scrobbles skipped 1',
      '  applied        13 interactions: play 9 · repeat 3 · skip 1',
      '  dead letters   0',
      '  users          3 created before streaming: sign-up date from the profile for 1, first play for 2',
      '  elapsed        streaming 2.0 s, 7 events/s applied (unpaced) · total 9.5 s',
    ]);
  });
});

describe('progressLine', () => {
  it('shows produced, applied, their rates and the lag', () => {
    const sample = { at: 0, produced: 4000, consumed: 3000, applied: 2990, deadLetters: 10 };
    const rates = { producedPerS: 2000, appliedPerS: 1500.4, lag: 1000 };
    expect(progressLine({ sample, rates, total: 88_000, elapsedMs: 12_400 })).toBe(
      'produced 4,000/88,000 (2,000/s)  applied 2,990 (1,500/s)  lag 1,000  dead letters 10  12s',
    );
  });
});
