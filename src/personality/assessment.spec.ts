import { DomainValidationError } from '../domain/types.js';
import { assess, defaultAssessment, roundTraits, traitConfidenceOf } from './assessment.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const ones = Array<number>(44).fill(1);

describe('assess', () => {
  it('scores BFI-44 answers, rounds to the stored 2 decimals and keeps the answers', () => {
    // All 1s: a reverse-keyed item scores 5. E: (5·1 + 3·5)/8 = 2.5 → 37.5; A, C: (5 + 4·5)/9 → 44.44;
    // N as E → 37.5; O: (8·1 + 2·5)/10 = 1.8 → 20.
    expect(assess({ kind: 'bfi44', answers: ones }, NOW)).toEqual({
      traits: { openness: 20, conscientiousness: 44.44, extraversion: 37.5, agreeableness: 44.44, neuroticism: 37.5 },
      confidence: 1,
      traitConfidence: { openness: 1, conscientiousness: 1, extraversion: 1, agreeableness: 1, neuroticism: 1 },
      method: 'bfi44',
      assessedAt: NOW,
      totalQuestions: 44,
      answeredQuestions: 44,
      rawResponses: { answers: ones },
    });
  });

  it('lowers confidence with unanswered items', () => {
    const answers = ones.map((a, i) => (i === 40 || i === 43 ? null : a)); // items 41 and 44 are openness
    const a = assess({ kind: 'bfi44', answers }, NOW);
    expect(a.confidence).toBeCloseTo(42 / 44, 12);
    expect(a.traitConfidence.openness).toBeCloseTo(0.8, 12);
    expect(a.answeredQuestions).toBe(42);
    // Openness keeps items 5, 10, 15, 20, 25, 30, 40 (1 each) and 35R (5): 12 / 8 = 1.5 → 12.5.
    expect(a.traits.openness).toBe(12.5);
  });

  it('takes direct traits as given (rounded), with confidence 1 and no questions', () => {
    const traits = {
      openness: 33.3333,
      conscientiousness: 0,
      extraversion: 100,
      agreeableness: 50.005,
      neuroticism: 7,
    };
    expect(assess({ kind: 'direct', traits }, NOW)).toMatchObject({
      traits: { openness: 33.33, conscientiousness: 0, extraversion: 100, agreeableness: 50.01, neuroticism: 7 },
      confidence: 1,
      method: 'direct',
      totalQuestions: 0,
      answeredQuestions: 0,
    });
  });

  it('throws the domain error listing every problem', () => {
    expect(() => assess({ kind: 'bfi44', answers: [0, ...ones.slice(1, 43)] }, NOW)).toThrow(
      /expected 44 answers, got 43; item 1: out of range 1..5 \(0\)/,
    );
    const bad = { openness: -1, conscientiousness: 101, extraversion: NaN, agreeableness: 50, neuroticism: 50 };
    expect(() => assess({ kind: 'direct', traits: bad }, NOW)).toThrow(DomainValidationError);
  });
});

describe('defaults and stored rows', () => {
  it('gives the balanced default with confidence 0', () => {
    expect(defaultAssessment()).toMatchObject({
      traits: { openness: 50, conscientiousness: 50, extraversion: 50, agreeableness: 50, neuroticism: 50 },
      confidence: 0,
      method: 'default',
      assessedAt: null,
    });
  });

  it('re-derives per-trait confidence from stored answers', () => {
    const answers = ones.map((a, i) => (i < 8 ? null : a));
    expect(traitConfidenceOf('bfi44', { answers })).toEqual({
      // Items 1–8: E1, A2, C3, N4, O5, E6, A7, C8.
      extraversion: 6 / 8,
      agreeableness: 7 / 9,
      conscientiousness: 7 / 9,
      neuroticism: 7 / 8,
      openness: 9 / 10,
    });
    expect(traitConfidenceOf('direct', { traits: {} })).toMatchObject({ openness: 1 });
  });

  it('rounds to the 2 decimals numeric(5,2) keeps', () => {
    expect(
      roundTraits({
        openness: 12.345,
        conscientiousness: 1 / 3,
        extraversion: 0,
        agreeableness: 99.999,
        neuroticism: 50,
      }),
    ).toEqual({ openness: 12.35, conscientiousness: 0.33, extraversion: 0, agreeableness: 100, neuroticism: 50 });
  });
});
