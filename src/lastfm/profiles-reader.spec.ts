import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { LastfmProfile, Parsed } from './lastfm-play.js';
import { parseRegistered, readProfiles } from './profiles-reader.js';

const FIXTURES = join(process.cwd(), 'test/fixtures/lastfm');

async function readAll(file: string): Promise<Array<Parsed<LastfmProfile>>> {
  const items: Array<Parsed<LastfmProfile>> = [];
  for await (const item of readProfiles(createReadStream(join(FIXTURES, file)))) items.push(item);
  return items;
}

describe('parseRegistered', () => {
  it.each([
    ['Aug 13, 2006', Date.UTC(2006, 7, 13)],
    ['Feb 2, 2008', Date.UTC(2008, 1, 2)],
    ['Feb 29, 2008', Date.UTC(2008, 1, 29)],
    ['Feb 29, 2007', undefined],
    ['Foo 13, 2006', undefined],
    ['aug 13, 2006', undefined],
    ['2006-08-13', undefined],
  ])('%s → %s', (text, ms) => expect(parseRegistered(text)).toBe(ms));
});

describe('readProfiles', () => {
  it('skips the #id header, reads empty fields as null and reports bad rows by line', async () => {
    const items = await readAll('not-ok/userid-profile.tsv');
    expect(items).toEqual([
      {
        ok: true,
        value: {
          lineNumber: 2,
          userId: 'user_000001',
          gender: 'm',
          age: null,
          country: 'Japan',
          registeredAt: Date.UTC(2006, 7, 13),
        },
      },
      {
        ok: true,
        value: {
          lineNumber: 3,
          userId: 'user_000003',
          gender: 'm',
          age: 22,
          country: 'United States',
          registeredAt: Date.UTC(2005, 9, 30),
        },
      },
      {
        ok: true,
        value: { lineNumber: 4, userId: 'user_000030', gender: null, age: null, country: null, registeredAt: null },
      },
      { ok: false, bad: { lineNumber: 5, reason: 'invalid gender "x"' } },
      { ok: false, bad: { lineNumber: 6, reason: 'invalid age "twenty"' } },
      { ok: false, bad: { lineNumber: 7, reason: 'invalid registered date "Feb 30, 2005"' } },
      { ok: false, bad: { lineNumber: 8, reason: 'invalid registered date "2005-10-30"' } },
      { ok: false, bad: { lineNumber: 9, reason: 'expected 5 tab-separated fields, got 4' } },
    ]);
  });

  it('refuses a file without the header', async () => {
    await expect(readAll('not-ok/profile-no-header.tsv')).rejects.toThrow('line 1 must be the #id header');
  });
});
