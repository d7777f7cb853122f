/**
 * Streaming readers of the HetRec 2011 Last.fm 2K files (tab-separated, one header line):
 * `artists.dat` (id, name, url, pictureURL) and `user_artists.dat` (userID, artistID,
 * weight = the user's total plays of the artist). Bad lines are counted with a few samples,
 * never dropped silently.
 */
import { openLines, type LineSource } from '../data/text-lines.js';

export interface RowCounts {
  rows: number;
  bad: number;
  readonly badSamples: string[];
}

export interface UserArtist {
  readonly artistId: number;
  readonly weight: number;
}

const BAD_SAMPLES = 5;
const INTEGER = /^\d+$/;

function countBad(counts: RowCounts, lineNumber: number, reason: string): void {
  counts.bad++;
  if (counts.badSamples.length < BAD_SAMPLES) counts.badSamples.push(`line ${lineNumber}: ${reason}`);
}

const newCounts = (): RowCounts => ({ rows: 0, bad: 0, badSamples: [] });

export async function readArtists(path: string): Promise<{ names: Map<number, string>; counts: RowCounts }> {
  const names = new Map<number, string>();
  const counts = newCounts();
  for await (const { lineNumber, text } of openLines(path).lines) {
    if (lineNumber === 1) continue; // header
    const fields = text.split('\t');
    if (fields.length < 2 || !INTEGER.test(fields[0]) || fields[1].trim() === '')
      countBad(counts, lineNumber, 'expected an integer id and a name');
    else if (names.has(Number(fields[0]))) countBad(counts, lineNumber, `duplicate artist id ${fields[0]}`);
    else {
      names.set(Number(fields[0]), fields[1]);
      counts.rows++;
    }
  }
  return { names, counts };
}

export interface UserArtistsRead {
  /** Per user id, rows in file order. */
  readonly users: Map<number, UserArtist[]>;
  readonly counts: RowCounts;
}

export async function readUserArtists(
  source: LineSource,
  knownArtist: (id: number) => boolean,
  onProgress?: () => void,
): Promise<UserArtistsRead> {
  const users = new Map<number, UserArtist[]>();
  const counts = newCounts();
  for await (const { lineNumber, text } of source.lines) {
    if (lineNumber === 1) continue;
    if (lineNumber % 10_000 === 0) onProgress?.();
    const fields = text.split('\t');
    if (fields.length !== 3 || !fields.every((f) => INTEGER.test(f))) {
      countBad(counts, lineNumber, 'expected three non-negative integers');
      continue;
    }
    const [userId, artistId, weight] = fields.map(Number);
    if (weight < 1) countBad(counts, lineNumber, 'weight must be >= 1');
    else if (!knownArtist(artistId)) countBad(counts, lineNumber, `artist ${artistId} not in artists.dat`);
    else {
      const rows = users.get(userId) ?? [];
      if (rows.some((r) => r.artistId === artistId))
        countBad(counts, lineNumber, `duplicate (user, artist) ${userId}, ${artistId}`);
      else {
        rows.push({ artistId, weight });
        users.set(userId, rows);
        counts.rows++;
      }
    }
  }
  return { users, counts };
}
