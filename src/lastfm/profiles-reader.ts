/**
 * Reader of `userid-profile.tsv`: a header line starting with `#id`, then
 * `id gender age country registered` separated by tabs; every field but the id may be empty.
 */
import type { Readable } from 'node:stream';
import { LastfmInputError, type LastfmProfile, type Parsed } from './lastfm-play.js';
import { readLines } from './text-lines.js';

const FIELDS = 5;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** The dataset's sign-up date format, e.g. `Aug 13, 2006`. */
const REGISTERED = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4})$/;

/** Yields every data row; throws LastfmInputError when the first line is not the header. */
export async function* readProfiles(input: Readable): AsyncGenerator<Parsed<LastfmProfile>> {
  let header = true;
  for await (const line of readLines(input)) {
    if (header) {
      if (!line.text.startsWith('#id')) {
        throw new LastfmInputError(
          `profile file: line 1 must be the #id header, got ${JSON.stringify(line.text.slice(0, 40))}`,
        );
      }
      header = false;
      continue;
    }
    yield parseProfileLine(line.text, line.lineNumber);
  }
  if (header) throw new LastfmInputError('profile file is empty (no #id header)');
}

export function parseProfileLine(text: string, lineNumber: number): Parsed<LastfmProfile> {
  const bad = (reason: string): Parsed<LastfmProfile> => ({ ok: false, bad: { lineNumber, reason } });
  if (text.trim() === '') return bad('blank line');
  const f = text.split('\t');
  if (f.length !== FIELDS) return bad(`expected ${FIELDS} tab-separated fields, got ${f.length}`);
  const [userId, gender, age, country, registered] = f;
  if (userId.trim() === '') return bad('empty user id');
  if (gender !== '' && gender !== 'm' && gender !== 'f') return bad(`invalid gender ${JSON.stringify(gender)}`);
  if (age !== '' && !/^\d{1,3}$/.test(age)) return bad(`invalid age ${JSON.stringify(age)}`);
  const registeredAt = registered === '' ? null : parseRegistered(registered);
  if (registeredAt === undefined) return bad(`invalid registered date ${JSON.stringify(registered)}`);
  return {
    ok: true,
    value: {
      lineNumber,
      userId,
      gender: gender === '' ? null : gender,
      age: age === '' ? null : Number(age),
      country: country === '' ? null : country,
      registeredAt,
    },
  };
}

/** `Aug 13, 2006` → epoch ms of that day at 00:00 UTC; undefined when not a real date. */
export function parseRegistered(text: string): number | undefined {
  const m = REGISTERED.exec(text);
  const month = m ? MONTHS.indexOf(m[1]) : -1;
  if (!m || month < 0) return undefined;
  const [day, year] = [Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month, day);
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}
