import { parseEvaluateArgs, UsageError } from '../../src/evaluation/evaluate.args.js';

describe('evaluate arguments', () => {
  it('applies the defaults', () => {
    expect(parseEvaluateArgs(['simulation'])).toEqual({
      scenario: 'simulation',
      dataDir: undefined,
      outDir: 'evaluation/results',
      seed: '1',
      users: undefined,
      rounds: 200,
      throughKafka: false,
      epsilon: 0,
    });
  });

  it('reads every option', () => {
    const args = parseEvaluateArgs(['heldout-artists', '--data', '/d', '--out', '/o', '--seed', '7', '--users', '30']);
    expect(args).toEqual({
      scenario: 'heldout-artists',
      dataDir: '/d',
      outDir: '/o',
      seed: '7',
      users: 30,
      rounds: 200,
      throughKafka: false,
      epsilon: 0,
    });
  });

  it('reads next-play through Kafka with exploration', () => {
    expect(parseEvaluateArgs(['next-play', '--through-kafka', '--epsilon', '0.1'])).toMatchObject({
      scenario: 'next-play',
      throughKafka: true,
      epsilon: 0.1,
    });
  });

  it('takes --users and --rounds for the report', () => {
    expect(parseEvaluateArgs(['report', '--rounds', '50', '--users', '3'])).toMatchObject({ rounds: 50, users: 3 });
  });

  it.each([
    [[], /exactly one scenario/],
    [['nope'], /unknown scenario/],
    [['simulation', '--users', '0'], /positive integer/],
    [['simulation', '--seed', 'abc'], /non-negative integer/],
    [['heldout-artists', '--rounds', '5'], /only applies to simulation/],
    [['simulation', '--bogus'], /Unknown option/],
    [['simulation', '--through-kafka'], /only apply to next-play/],
    [['next-play', '--epsilon', '1.5'], /number in 0..1/],
    [['next-play', '--epsilon', ''], /number in 0..1/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseEvaluateArgs(argv)).toThrow(UsageError);
    expect(() => parseEvaluateArgs(argv)).toThrow(message);
  });
});
