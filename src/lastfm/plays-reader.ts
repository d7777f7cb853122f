/**
 * Reader of `plays.tsv.gz`: six tab-separated fields per line, no header (user id, ISO
 * time, artist MBID, artist name, track MBID, track name). Streams; every line comes
 * out either as a play or as a malformed line with its number and reason.
 */
import type { Readable } from 'node:stream';
import type { LastfmPlay, Parsed } from './lastfm-play.js';
import { readLines } from './text-lines.js';

const FIELDS = 6;
/** Whole-second UTC times as the dataset writes them, e.g. 2009-05-04T10:29:04Z. */
const ISO_SECONDS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

export async function* readPlays(input: Readable): AsyncGenerator<Parsed<LastfmPlay>> {
  for await (const line of readLines(input)) yield parsePlayLine(line.text, line.lineNumber);
}

export function parsePlayLine(text: string, lineNumber: number): Parsed<LastfmPlay> {
  const bad = (reason: string): Parsed<LastfmPlay> => ({ ok: false, bad: { lineNumber, reason } });
  if (text.trim() === '') return bad('blank line');
  const f = text.split('\t');
  if (f.length !== FIELDS) return bad(`expected ${FIELDS} tab-separated fields, got ${f.length}`);
  const [userId, time, artistMbid, artistName, trackMbid, trackName] = f;
  if (userId.trim() === '') return bad('empty user id');
  const playedAt = parseIsoSeconds(time);
  if (playedAt === null) return bad(`invalid timestamp ${JSON.stringify(time)}`);
  if (artistName.trim() === '') return bad('empty artist name');
  if (trackName.trim() === '') return bad('empty track name');
  return {
    ok: true,
    value: {
      lineNumber,
      userId,
      playedAt,
      artistMbid: artistMbid === '' ? null : artistMbid,
      artistName,
      trackMbid: trackMbid === '' ? null : trackMbid,
      trackName,
    },
  };
}

/** Epoch ms, or null unless the text is a real calendar time in the dataset's exact format. */
export function parseIsoSeconds(text: string): number | null {
  const m = ISO_SECONDS.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls 2009-02-30 over into March; a round trip catches such dates.
  return new Date(ms).toISOString() === `${text.slice(0, -1)}.000Z` ? ms : null;
}
