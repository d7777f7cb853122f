import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { LastfmPlay, Parsed } from './lastfm-play.js';
import { parseIsoSeconds, parsePlayLine, readPlays } from './plays-reader.js';

const FIXTURES = join(process.cwd(), 'test/fixtures/lastfm');

async function readAll(file: string): Promise<Array<Parsed<LastfmPlay>>> {
  const items: Array<Parsed<LastfmPlay>> = [];
  for await (const item of readPlays(createReadStream(join(FIXTURES, file)))) items.push(item);
  return items;
}

describe('parsePlayLine', () => {
  it('reads the six fields, empty MBIDs as null', () => {
    expect(parsePlayLine('user_000003\t2009-05-04T10:29:04Z\t\tSamuli Kemppi\t\tJanuary 2009', 7)).toEqual({
      ok: true,
      value: {
        lineNumber: 7,
        userId: 'user_000003',
        playedAt: Date.UTC(2009, 4, 4, 10, 29, 4),
        artistMbid: null,
        artistName: 'Samuli Kemppi',
        trackMbid: null,
        trackName: 'January 2009',
      },
    });
  });

  it.each([
    ['', 'blank line'],
    ['a\tb\tc', 'expected 6 tab-separated fields, got 3'],
    ['u\t2009-05-04T10:29:04Z\t\tA\t\tT\tx', 'expected 6 tab-separated fields, got 7'],
    ['\t2009-05-04T10:29:04Z\t\tA\t\tT', 'empty user id'],
    ['u\t2009-02-29T10:29:04Z\t\tA\t\tT', 'invalid timestamp "2009-02-29T10:29:04Z"'],
    ['u\t1241432944\t\tA\t\tT', 'invalid timestamp "1241432944"'],
    ['u\t2009-05-04T10:29:04Z\t\t  \t\tT', 'empty artist name'],
    ['u\t2009-05-04T10:29:04Z\t\tA\t\t', 'empty track name'],
  ])('rejects %j: %s', (line, reason) => {
    expect(parsePlayLine(line, 3)).toEqual({ ok: false, bad: { lineNumber: 3, reason } });
  });
});

describe('parseIsoSeconds', () => {
  it.each([
    ['2009-05-04T10:29:04Z', Date.UTC(2009, 4, 4, 10, 29, 4)],
    ['2008-02-29T00:00:00Z', Date.UTC(2008, 1, 29)],
    ['2009-02-29T00:00:00Z', null],
    ['2009-05-04T24:00:00Z', null],
    ['2009-05-04T10:29:04.000Z', null],
    ['2009-05-04T10:29:04', null],
  ])('%s → %s', (text, ms) => expect(parseIsoSeconds(text)).toBe(ms));
});

describe('readPlays', () => {
  it('streams a gzip file line by line', async () => {
    const items = await readAll('ok/plays.tsv.gz');
    expect(items.map((i) => (i.ok ? [i.value.lineNumber, i.value.userId, i.value.trackName] : i.bad))).toEqual([
      [1, 'user_000001', 'Samuli Kemppi - January 2009'],
      [2, 'user_000001', 'True Hollywood Story'],
      [3, 'user_000002', 'Jóga'],
    ]);
  });

  it('reports every malformed line with its number and keeps reading (CRLF, no final newline)', async () => {
    const items = await readAll('not-ok/plays-malformed.tsv');
    expect(items.filter((i) => !i.ok).map((i) => (i.ok ? null : i.bad))).toEqual([
      { lineNumber: 2, reason: 'expected 6 tab-separated fields, got 5' },
      { lineNumber: 3, reason: 'blank line' },
      { lineNumber: 4, reason: 'invalid timestamp "2009-02-30T10:00:00Z"' },
      { lineNumber: 5, reason: 'empty user id' },
      { lineNumber: 6, reason: 'empty artist name' },
      { lineNumber: 7, reason: 'empty track name' },
      { lineNumber: 8, reason: 'invalid timestamp "2009-05-04 10:00:00"' },
      { lineNumber: 9, reason: 'expected 6 tab-separated fields, got 7' },
    ]);
    expect(items.filter((i) => i.ok).map((i) => (i.ok ? [i.value.lineNumber, i.value.trackName] : null))).toEqual([
      [1, 'Track A'],
      [10, 'Track H'],
    ]);
  });
});
