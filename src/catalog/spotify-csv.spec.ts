import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { SourceItem } from './catalog-track.js';
import { CatalogHeaderError } from './catalog-import.error.js';
import { readSpotifyCsv } from './spotify-csv.source.js';

const FIXTURES = join(process.cwd(), 'test/fixtures/catalog');

async function read(file: string): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readSpotifyCsv(createReadStream(join(FIXTURES, file)))) items.push(item);
  return items;
}

const bad = (items: SourceItem[]) => items.flatMap((i) => (i.kind === 'bad' ? [[i.lineNumber, i.reason]] : []));
const ok = (items: SourceItem[]) => items.flatMap((i) => (i.kind === 'row' ? [i.row] : []));

describe('Spotify CSV mapping — ok/', () => {
  it.each(['ok/small.csv', 'ok/small.csv.gz'])('maps every row of %s', async (file) => {
    const items = await read(file);
    expect(bad(items)).toEqual([]);
    const rows = ok(items);
    expect(rows.map((r) => r.track_id)).toHaveLength(5);
    expect(rows[0]).toEqual({
      track_id: '0aaaaaaaaaaaaaaaaaaaa1',
      name: 'Morning Light',
      artists: ['Ada Lark'],
      album: 'Quiet Hours',
      popularity: 73,
      duration_ms: 230666,
      explicit: false,
      danceability: 0.676,
      energy: 0.461,
      key: 1,
      loudness: -6.746,
      mode: 0,
      speechiness: 0.143,
      acousticness: 0.0322,
      instrumentalness: 1.01e-6,
      liveness: 0.358,
      valence: 0.715,
      tempo: 87.917,
      time_signature: 4,
      genres: ['acoustic'],
      release_date: null,
      source: 'spotify-dataset',
    });
    expect(items[0].lineNumber).toBe(2);
  });

  it.each([
    ['quoted album with a comma', 1, (r: Rec) => r.album, 'Songs, Vol. 2'],
    ['escaped quotes in the name', 1, (r: Rec) => r.name, 'Say "Hello"'],
    ['artists split on ;', 1, (r: Rec) => r.artists, ['Ben Moss', 'Cleo Ray']],
    ['explicit True', 1, (r: Rec) => r.explicit, true],
    ['trailing space of an artist kept', 2, (r: Rec) => r.artists, ['Terra ']],
    ['lower bounds accepted', 2, (r: Rec) => [r.popularity, r.duration_ms, r.tempo, r.time_signature], [0, 0, 0, 0]],
    ['empty album is null', 4, (r: Rec) => r.album, null],
    [
      'upper bounds accepted',
      4,
      (r: Rec) => [r.popularity, r.key, r.danceability, r.loudness],
      [100, 11, 0.985, 4.532],
    ],
  ])('%s', async (_name, index, pick, expected) => {
    expect(pick(ok(await read('ok/small.csv'))[index])).toEqual(expected);
  });

  it.each(['ok/crlf.csv', 'ok/bom.csv'])('%s: one valid row, header recognised', async (file) => {
    const items = await read(file);
    expect(bad(items)).toEqual([]);
    expect(ok(items)).toHaveLength(1);
    expect(ok(items)[0].genres).toEqual(['pop']);
  });
});

type Rec = ReturnType<typeof ok>[number];

describe('Spotify CSV mapping — not-ok/', () => {
  it.each([
    [
      'not-ok/bad-number.csv',
      [
        [2, 'danceability: not a number: "0.5x"'],
        [3, 'tempo: not a number: "NaN"'],
        [4, 'popularity: not an integer: "1.0"'],
        [5, 'explicit: expected True or False, got "Yes"'],
      ],
    ],
    [
      'not-ok/out-of-range.csv',
      [
        [2, 'popularity: 101 out of range 0..100'],
        [3, 'danceability: 1.01 out of range 0..1'],
        [4, 'tempo: -1 out of range 0..'],
        [5, 'duration_ms: -1 out of range 0..2147483647'],
        [6, 'key: 12 out of range -1..11'],
      ],
    ],
    ['not-ok/empty-name.csv', [[2, 'track_name/artists: empty track name/artists']]],
    [
      'not-ok/malformed-csv.csv',
      [
        [2, 'expected 21 fields, got 20'],
        [3, 'unterminated quoted field (opened on line 3, still open at end of input)'],
      ],
    ],
  ])('%s reports each bad row with its line', async (file, expected) => {
    const items = await read(file);
    expect(ok(items)).toEqual([]);
    const reported = bad(items);
    expect(reported.map(([line]) => line)).toEqual(expected.map(([line]) => line));
    reported.forEach(([, reason], i) => expect(reason).toContain(expected[i][1]));
  });

  it('a wrong header is fatal and names the missing columns', async () => {
    const failure = read('not-ok/wrong-header.csv');
    await expect(failure).rejects.toBeInstanceOf(CatalogHeaderError);
    await expect(failure).rejects.toMatchObject({ missing: ['artists', 'time_signature'], retriable: false });
    await expect(failure).rejects.toThrow(/missing column\(s\) artists, time_signature/);
  });

  it('keeps duplicate track ids as separate rows (merging happens at the upsert)', async () => {
    const items = await read('not-ok/duplicates-and-empty-name.csv');
    expect(bad(items)).toEqual([[4, 'track_name/artists: empty track name/artists']]);
    expect(ok(items).map((r) => `${r.track_id.slice(-1)}:${r.genres[0]}`)).toEqual([
      '1:acoustic',
      '2:acoustic',
      '1:k-pop',
      '4:k-pop',
      '1:pop',
      '1:k-pop',
    ]);
  });
});
