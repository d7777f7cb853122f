import { parseCatalogImportArgs, UsageError } from './catalog-import.args.js';

describe('parseCatalogImportArgs', () => {
  it.each([
    [['data.csv.gz'], { input: { kind: 'file', path: 'data.csv.gz' }, kafka: true, batchSize: 2000 }],
    [
      ['data.csv', '--no-kafka', '--batch-size', '500'],
      { input: { kind: 'file', path: 'data.csv' }, kafka: false, batchSize: 500 },
    ],
    [['--generated'], { input: { kind: 'generated', count: 5000, seed: 'music-rl' }, kafka: true, batchSize: 2000 }],
    [
      ['--generated', '--count', '10', '--seed', 's1'],
      { input: { kind: 'generated', count: 10, seed: 's1' }, kafka: true, batchSize: 2000 },
    ],
  ])('%j', (argv, expected) => {
    expect(parseCatalogImportArgs(argv)).toEqual(expected);
  });

  it.each([
    [[], /exactly one dataset file/],
    [['a.csv', 'b.csv'], /exactly one dataset file/],
    [['a.csv', '--generated'], /not both/],
    [['a.csv', '--count', '3'], /only apply to --generated/],
    [['--generated', '--count', '0'], /positive integer/],
    [['--generated', '--count', '1e3'], /positive integer/],
    [['--bogus'], /bogus/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCatalogImportArgs(argv)).toThrow(UsageError);
    expect(() => parseCatalogImportArgs(argv)).toThrow(message);
  });
});
