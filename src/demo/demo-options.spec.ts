import { DEFAULT_PORT, DEFAULT_RATE, DemoUsageError, parseDemoOptions } from './demo-options.js';

describe('parseDemoOptions', () => {
  it('defaults to every play of every user, paced, with the artist fallback', () => {
    expect(parseDemoOptions([])).toEqual({
      limit: null,
      users: null,
      watch: [],
      artistFallback: true,
      forceGenerated: false,
      viewEveryMs: 5000,
      rate: DEFAULT_RATE,
      port: DEFAULT_PORT,
    });
  });

  it('reads every option', () => {
    const argv = [
      '--limit',
      '500',
      '--users',
      '3',
      '--watch',
      'a, b',
      '--no-artist-fallback',
      '--generated',
      '--view-every',
      '2',
      '--rate',
      '0',
      '--port',
      '4100',
    ];
    expect(parseDemoOptions(argv)).toEqual({
      limit: 500,
      users: 3,
      watch: ['a', 'b'],
      artistFallback: false,
      forceGenerated: true,
      viewEveryMs: 2000,
      rate: 0,
      port: 4100,
    });
  });

  it.each([
    [['--limit', '0'], '--limit must be a positive integer, got "0"'],
    [['--users', 'x'], '--users must be a whole number, got "x"'],
    [['--rate=-1'], '--rate must be a whole number, got "-1"'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('rejects %j', (argv, message) => {
    expect(() => parseDemoOptions(argv)).toThrow(DemoUsageError);
    expect(() => parseDemoOptions(argv)).toThrow(message);
  });
});
