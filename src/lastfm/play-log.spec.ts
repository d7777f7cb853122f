import { CatalogMatcher } from './catalog-matcher.js';
import type { LastfmPlay, Parsed } from './lastfm-play.js';
import { readPlayLog } from './play-log.js';
import { parsePlayLine } from './plays-reader.js';
import { scrobbleEventId } from './play-events.js';

const matcher = CatalogMatcher.build([
  { trackId: 'T1', name: 'Eple', artists: ['Röyksopp'], popularity: 60, durationMs: 220_000 },
  { trackId: 'T3', name: 'One More Time', artists: ['Daft Punk'], popularity: 75, durationMs: 320_000 },
]);

const LINES = [
  'u1\t2009-01-01T12:00:00Z\t\tRoyksopp\t\tEple',
  'u1\t2009-01-01T11:00:00Z\t\tDaft Punk\t\tDa Funk',
  'u1\tnot-a-time\t\tDaft Punk\t\tDa Funk',
  'u2\t2009-01-01T10:00:00Z\t\tNobody\t\tNothing',
  'u2\t2009-01-01T09:00:00Z\t\tDaft Punk\t\tOne More Time',
];

async function* items(): AsyncGenerator<Parsed<LastfmPlay>> {
  for (const [i, line] of LINES.entries()) yield parsePlayLine(line, i + 1);
}

describe('readPlayLog', () => {
  it('counts every line exactly once and keeps timelines per user in file order', async () => {
    const log = await readPlayLog(items(), { matcher, artistFallback: true });
    expect(log.stats).toEqual({ plays: 4, matchedByTitle: 2, matchedByArtist: 1, unmatched: 1, malformed: 1 });
    expect(log.malformedSamples).toEqual([{ lineNumber: 3, reason: 'invalid timestamp "not-a-time"' }]);
    expect([...log.timelines.keys()]).toEqual(['u1', 'u2']);
    expect(log.timelines.get('u1')?.map((p) => [p.lineNumber, p.match?.trackId, p.match?.kind])).toEqual([
      [1, 'T1', 'title'],
      [2, 'T3', 'artist'],
    ]);
    expect(log.timelines.get('u2')?.map((p) => p.match?.trackId ?? null)).toEqual([null, 'T3']);
    expect(log.timelines.get('u1')?.[0].match?.eventId).toBe(
      scrobbleEventId({ userId: 'u1', playedAt: Date.UTC(2009, 0, 1, 12), artistName: 'Royksopp', trackName: 'Eple' }),
    );
  });

  it('without the artist fallback leaves artist-only plays unmatched', async () => {
    const log = await readPlayLog(items(), { matcher, artistFallback: false });
    expect(log.stats).toEqual({ plays: 4, matchedByTitle: 2, matchedByArtist: 0, unmatched: 2, malformed: 1 });
  });
});
