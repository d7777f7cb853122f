import { GatewayError } from '../gateway.error.js';
import { parsePersonalityBody } from './personality-body.js';

const answers = Array<number | null>(44).fill(3);
const traits = { openness: 80, conscientiousness: 40, extraversion: 60, agreeableness: 55, neuroticism: 20 };

function rejection(body: unknown): { field?: string; message: string } {
  try {
    parsePersonalityBody(body);
  } catch (error) {
    if (error instanceof GatewayError && error.status === 400)
      return { field: error.details.field, message: error.message };
    throw error;
  }
  throw new Error('expected a 400');
}

describe('parsePersonalityBody', () => {
  it('reads answers (nulls allowed) or traits', () => {
    const withGaps = answers.map((a, i) => (i % 10 === 0 ? null : a));
    expect(parsePersonalityBody({ answers: withGaps })).toEqual({ kind: 'bfi44', answers: withGaps });
    expect(parsePersonalityBody({ traits })).toEqual({ kind: 'direct', traits });
  });

  it.each([
    [null, 'body', /must be a JSON object/],
    [[1, 2], 'body', /must be a JSON object/],
    [{}, 'body', /send "answers" .* or "traits"/],
    [{ answers, traits }, 'body', /either "answers" or "traits", not both/],
    [{ answers: 'abc' }, 'body.answers', /must be an array of 44 answers; got string/],
    [{ answers: answers.slice(1) }, 'body.answers', /expected 44 answers, got 43/],
    [
      { answers: [0, 6, ...answers.slice(2)] },
      'body.answers',
      /item 1: out of range 1..5 \(0\); item 2: out of range 1..5 \(6\)/,
    ],
    [
      { answers: ['3', true, 2.5, ...answers.slice(3)] },
      'body.answers',
      /item 1: not a number.*item 2: not a number.*item 3: not an integer \(2.5\)/,
    ],
    [{ traits: [1, 2] }, 'body.traits', /must be an object of five scores; got an array/],
    [
      { traits: { ...traits, openness: 101, neuroticism: '20' } },
      'body.traits',
      /openness: out of range 0..100 \(101\); neuroticism: not a finite number/,
    ],
    [{ traits: { ...traits, opennes: 1 } }, 'body.traits', /body.traits.opennes is not a Big Five trait/],
    [{ answers, extra: 1 }, 'body.extra', /body.extra is not a field/],
  ])('rejects %p naming %s', (body, field, message) => {
    const { field: actual, message: text } = rejection(body);
    expect(actual).toBe(field);
    expect(text).toMatch(message);
  });

  it('names every problem in one error, across fields', () => {
    const { field, message } = rejection({ answers: answers.slice(2), traits: { openness: -1 }, note: 'x' });
    expect(field).toBe('body');
    for (const part of [
      'body.note is not a field',
      'not both',
      'expected 44 answers, got 42',
      'openness: out of range 0..100 (-1)',
      'conscientiousness: not a finite number (undefined)',
    ]) {
      expect(message).toContain(part);
    }
  });
});
