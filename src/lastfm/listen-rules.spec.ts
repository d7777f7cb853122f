import { inferListenMs, isRepeat, REPEAT_WINDOW_MS, SESSION_GAP_MS } from './listen-rules.js';

const T = Date.UTC(2009, 0, 1, 10);

describe('inferListenMs', () => {
  it.each([
    ['gap shorter than the track', 180_000, 220_000, 180_000],
    ['gap longer than the track (cap)', 780_000, 243_000, 243_000],
    ['gap of exactly 30 min still counts', SESSION_GAP_MS, 243_000, 243_000],
    ['short gap: a late skip', 20_000, 248_000, 20_000],
    ['session end (> 30 min): full length', SESSION_GAP_MS + 1, 248_000, 248_000],
    ['same-second scrobble: no timing, full length', 0, 305_000, 305_000],
    ['clock going backwards: no timing, full length', -5_000, 305_000, 305_000],
  ])('%s', (_what, gap, durationMs, expected) => {
    expect(inferListenMs({ playedAt: T, durationMs }, T + gap)).toBe(expected);
  });

  it('takes the last play of a user as heard in full', () => {
    expect(inferListenMs({ playedAt: T, durationMs: 220_000 }, null)).toBe(220_000);
  });
});

describe('isRepeat', () => {
  it.each([
    ['first play of the track', null, 120_000, 220_000, false],
    ['replayed 2 h later, played through', T - 7_200_000, 120_000, 220_000, true],
    ['replayed exactly 24 h later', T - REPEAT_WINDOW_MS, 120_000, 220_000, true],
    ['replayed 24 h + 1 ms later', T - REPEAT_WINDOW_MS - 1, 120_000, 220_000, false],
    ['replayed but skipped (< 30 s)', T - 60_000, 29_999, 220_000, false],
    ['replayed, 30 s heard: a play', T - 60_000, 30_000, 220_000, true],
    ['short track: half of 40 s is the skip line', T - 60_000, 20_000, 40_000, true],
    ['same second (duplicate scrobble of another name)', T, 220_000, 220_000, true],
  ])('%s → %s', (_what, previousPlayedAt, msListened, durationMs, expected) => {
    expect(isRepeat({ playedAt: T, previousPlayedAt, msListened, durationMs })).toBe(expected);
  });
});
