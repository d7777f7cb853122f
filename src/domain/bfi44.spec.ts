import { BFI44_KEY, type Bfi44Answer, scoreBfi44, validateBigFive } from './bfi44.js';
import { DomainValidationError, TRAITS } from './types.js';

const all = (x: Bfi44Answer): Bfi44Answer[] => new Array<Bfi44Answer>(44).fill(x);

describe('BFI-44 key', () => {
  it('covers each of the 44 items exactly once', () => {
    const items = TRAITS.flatMap((t) => BFI44_KEY[t].map(Math.abs)).sort((a, b) => a - b);
    expect(items).toEqual(Array.from({ length: 44 }, (_, i) => i + 1));
  });
});

describe('scoreBfi44', () => {
  it.each([
    // all 1s: forward items score 1, reverse items 5 → mean = (1·fwd + 5·rev)/n
    // E 5 fwd + 3 rev, A 5 + 4, C 5 + 4, N 5 + 3, O 8 + 2
    [
      1,
      {
        extraversion: 20 / 8,
        agreeableness: 25 / 9,
        conscientiousness: 25 / 9,
        neuroticism: 20 / 8,
        openness: 18 / 10,
      },
    ],
    [
      5,
      {
        extraversion: 28 / 8,
        agreeableness: 29 / 9,
        conscientiousness: 29 / 9,
        neuroticism: 28 / 8,
        openness: 42 / 10,
      },
    ],
    [3, { extraversion: 3, agreeableness: 3, conscientiousness: 3, neuroticism: 3, openness: 3 }],
  ])('all answers %p', (answer, means) => {
    const { scores, confidence } = scoreBfi44(all(answer));
    for (const t of TRAITS) expect(scores[t]).toBeCloseTo(((means[t] - 1) / 4) * 100, 10);
    expect(confidence.overall).toBe(1);
  });

  it('hand-computed mixed answers with reverse keys', () => {
    const answers = all(3);
    // Extraversion items 1,6R,11,16,21R,26,31R,36 ← 5,1,5,5,1,5,1,5 → all keyed 5 → 100
    [1, 11, 16, 26, 36].forEach((i) => (answers[i - 1] = 5));
    [6, 21, 31].forEach((i) => (answers[i - 1] = 1));
    // Openness: item 5 = 4, 35R = 2 (→4), 41R = 5 (→1), rest 3: sum = 4+4+1+3·7 = 30 → mean 3 → 50
    answers[4] = 4;
    answers[34] = 2;
    answers[40] = 5;
    // Neuroticism: 4 = 2, 9R = 4 (→2), rest 3: (2+2+3·6)/8 = 2.75 → 43.75
    answers[3] = 2;
    answers[8] = 4;
    const { scores } = scoreBfi44(answers);
    expect(scores.extraversion).toBeCloseTo(100, 10);
    expect(scores.openness).toBeCloseTo(50, 10);
    expect(scores.neuroticism).toBeCloseTo(43.75, 10);
    expect(scores.agreeableness).toBeCloseTo(50, 10);
  });

  it('scores answered items only and lowers confidence', () => {
    const answers = all(null);
    answers[0] = 5; // E item 1
    answers[5] = 2; // E item 6R → 4: mean 4.5 → 87.5
    const { scores, confidence } = scoreBfi44(answers);
    expect(scores.extraversion).toBeCloseTo(87.5, 10);
    expect(scores.openness).toBe(50);
    expect(confidence.overall).toBeCloseTo(2 / 44, 12);
    expect(confidence.perTrait.extraversion).toBeCloseTo(2 / 8, 12);
    expect(confidence.perTrait.openness).toBe(0);
  });

  it('lists every problem of malformed input in one error', () => {
    const answers: unknown[] = all(3);
    answers[0] = 0;
    answers[1] = 2.5;
    answers[2] = '4';
    answers[3] = 6;
    let error: unknown;
    try {
      scoreBfi44(answers as Bfi44Answer[]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainValidationError);
    const message = (error as Error).message;
    expect(message).toMatch(/item 1: out of range/);
    expect(message).toMatch(/item 2: not an integer/);
    expect(message).toMatch(/item 3: not a number/);
    expect(message).toMatch(/item 4: out of range/);
  });

  it.each([
    [all(3).slice(0, 43), /expected 44 answers, got 43/],
    [new Array(44), /item 1: not a number/],
    ['nope', /must be an array/],
  ])('rejects %p', (input, message) => {
    expect(() => scoreBfi44(input as Bfi44Answer[])).toThrow(message);
  });
});

describe('validateBigFive', () => {
  it('accepts five scores in 0..100', () => {
    const s = { openness: 0, conscientiousness: 100, extraversion: 50, agreeableness: 12.5, neuroticism: 99 };
    expect(validateBigFive(s)).toEqual(s);
  });

  it('lists every bad trait', () => {
    expect(() =>
      validateBigFive({ openness: 101, conscientiousness: -1, extraversion: NaN, agreeableness: 50 }),
    ).toThrow(
      /openness: out of range.*conscientiousness: out of range.*extraversion: not a finite.*neuroticism: not a finite/,
    );
    expect(() => validateBigFive(null)).toThrow(DomainValidationError);
  });
});
