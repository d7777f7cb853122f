import { createRng } from '../domain/rng.js';
import { backoffDelayMs, classifyStatus, parseRetryAfterMs, withRetryAfterJitter } from './retry-policy.js';

describe('backoffDelayMs (full jitter)', () => {
  it('follows the schedule for a seeded random: floor(r · min(max, base·2^(n-1)))', () => {
    const rng = createRng('spotify-backoff'); // r = 0.4534, 0.2461, 0.5899, 0.3106, 0.1890, 0.7224
    const delays = [1, 2, 3, 4, 5, 6].map((n) => backoffDelayMs(n, { baseMs: 250, maxMs: 4000 }, () => rng.next()));
    // ceilings 250, 500, 1000, 2000, 4000, 4000 (capped)
    expect(delays).toEqual([113, 123, 589, 621, 755, 2889]);
  });

  it.each([
    [0, 1, 0],
    [0.999999, 1, 99],
    [0.999999, 4, 799],
    [0.999999, 30, 1999],
    [0.5, 30, 1000],
  ])('random %p at retry %p gives %p ms (base 100, max 2000)', (r, retry, expected) => {
    expect(backoffDelayMs(retry, { baseMs: 100, maxMs: 2000 }, () => r)).toBe(expected);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it.each([
    ['1', 1000],
    [' 30 ', 30_000],
    ['0', 0],
    ['Wed, 01 Jan 2025 00:00:05 GMT', 5000],
    ['Tue, 31 Dec 2024 23:59:00 GMT', 0], // in the past: retry now
    ['1.5', null],
    ['-3', null],
    ['soon', null],
    ['', null],
  ])('%p → %p', (header, expected) => {
    expect(parseRetryAfterMs(header, now)).toBe(expected);
  });

  it('is null without the header', () => {
    expect(parseRetryAfterMs(null, now)).toBeNull();
  });
});

describe('withRetryAfterJitter', () => {
  it.each([
    [1000, 0, 1000],
    [1000, 0.5, 1050],
    [1000, 0.999999, 1099],
    [0, 0.7, 0],
  ])('%p ms with random %p → %p ms (never less than asked, at most +10%%)', (ms, r, expected) => {
    expect(withRetryAfterJitter(ms, () => r)).toBe(expected);
  });
});

describe('classifyStatus', () => {
  it.each([
    [200, 'ok'],
    [204, 'ok'],
    [400, 'fail'],
    [401, 'unauthorized'],
    [403, 'forbidden-or-missing'],
    [404, 'forbidden-or-missing'],
    [429, 'rate-limited'],
    [500, 'server-error'],
    [503, 'server-error'],
    [302, 'fail'],
  ])('%p → %p', (status, expected) => {
    expect(classifyStatus(status)).toBe(expected);
  });
});
