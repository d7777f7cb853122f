/** One scrobble of the Last.fm 1K log, and one row of its user-profile file. */
export interface LastfmPlay {
  readonly lineNumber: number;
  readonly userId: string;
  /** Epoch ms (UTC) when the track started playing (Last.fm's scrobble time). */
  readonly playedAt: number;
  readonly artistMbid: string | null;
  readonly artistName: string;
  readonly trackMbid: string | null;
  readonly trackName: string;
}

export interface LastfmProfile {
  readonly lineNumber: number;
  readonly userId: string;
  readonly gender: 'm' | 'f' | null;
  readonly age: number | null;
  readonly country: string | null;
  /** Epoch ms of the sign-up day (UTC midnight), or null when the file has none. */
  readonly registeredAt: number | null;
}

/** A line that could not be read, with why. Readers yield these instead of dropping the line. */
export interface MalformedLine {
  readonly lineNumber: number;
  readonly reason: string;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly bad: MalformedLine };

/** A wrong or unreadable input file (not a bad line in a good file): fatal, not retriable. */
export class LastfmInputError extends Error {
  readonly retriable = false;
  override readonly name = 'LastfmInputError';
}
