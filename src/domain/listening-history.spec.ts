import { createListeningHistory, playCountOf, recordListen, topHistory } from './listening-history.js';

describe('listening history (upsert_listening_history semantics)', () => {
  it('counts plays, sums time, and never moves last-played backward', () => {
    const h = createListeningHistory();
    expect(recordListen(h, { trackId: 'a', msListened: 1000, occurredAt: 500 })).toBe(1);
    expect(recordListen(h, { trackId: 'a', msListened: 2000, occurredAt: 300 })).toBe(2); // late, out-of-order event
    expect(recordListen(h, { trackId: 'a', msListened: 0, occurredAt: 900 })).toBe(3);
    expect(h.get('a')).toEqual({ playCount: 3, totalListenMs: 3000, firstPlayedAt: 300, lastPlayedAt: 900 });
    expect(playCountOf(h, 'a')).toBe(3);
    expect(playCountOf(h, 'b')).toBe(0);
  });

  it('orders the top like get_user_top_50_tracks', () => {
    const h = createListeningHistory();
    const rows: Array<[string, number, number]> = [
      ['d', 10, 1],
      ['c', 10, 2],
      ['b', 5, 9],
      ['a', 10, 1],
      ['e', 20, 1],
    ];
    for (const [id, ms, at] of rows) recordListen(h, { trackId: id, msListened: ms, occurredAt: at });
    recordListen(h, { trackId: 'b', msListened: 5, occurredAt: 3 });
    expect(topHistory(h, 10).map((r) => r.trackId)).toEqual(['b', 'e', 'c', 'a', 'd']);
    expect(topHistory(h, 2)).toEqual([
      { trackId: 'b', playCount: 2, totalListenMs: 10, firstPlayedAt: 3, lastPlayedAt: 9 },
      { trackId: 'e', playCount: 1, totalListenMs: 20, firstPlayedAt: 1, lastPlayedAt: 1 },
    ]);
  });
});
