/**
 * BFI-44 scoring (John, Donahue & Kentle 1991; key as published by John & Srivastava 1999).
 * Only the scoring key is encoded here; the item texts are copyrighted and live elsewhere.
 *
 * Answers are 1..5 (null = unanswered); a reverse-keyed item scores 6 − x. A trait is the
 * mean of its answered items mapped to 0..100 by (mean − 1)/4·100. Confidence is the share
 * of items answered, per trait and overall; a trait with no answer is 50 with confidence 0.
 */
import { type BigFive, DomainValidationError, TRAITS, type Trait } from './types.js';

export const BFI44_ITEM_COUNT = 44;

/** 1-based item numbers per trait; a negative number marks a reverse-keyed item. */
export const BFI44_KEY: Readonly<Record<Trait, readonly number[]>> = Object.freeze({
  extraversion: [1, -6, 11, 16, -21, 26, -31, 36],
  agreeableness: [-2, 7, -12, 17, 22, -27, 32, -37, 42],
  conscientiousness: [3, -8, 13, -18, -23, 28, 33, 38, -43],
  neuroticism: [4, -9, 14, 19, -24, 29, -34, 39],
  openness: [5, 10, 15, 20, 25, 30, -35, 40, -41, 44],
});

export const NEUTRAL_TRAIT_SCORE = 50;

export type Bfi44Answer = number | null;

export interface Bfi44Result {
  readonly scores: BigFive;
  readonly confidence: {
    /** answered / 44. */
    readonly overall: number;
    /** answered items of the trait / items of the trait. */
    readonly perTrait: Readonly<Record<Trait, number>>;
  };
}

function validateAnswers(answers: unknown): asserts answers is readonly Bfi44Answer[] {
  if (!Array.isArray(answers)) {
    throw new DomainValidationError('invalid-bfi44', 'BFI-44 answers must be an array of 44 entries');
  }
  const problems: string[] = [];
  if (answers.length !== BFI44_ITEM_COUNT) problems.push(`expected ${BFI44_ITEM_COUNT} answers, got ${answers.length}`);
  // An index loop, not forEach: holes in a sparse array must be reported, not skipped.
  for (let i = 0; i < answers.length; i++) {
    const a: unknown = answers[i];
    const item = `item ${i + 1}`;
    if (a === null) continue;
    if (typeof a !== 'number' || Number.isNaN(a)) problems.push(`${item}: not a number (${String(a)})`);
    else if (!Number.isInteger(a)) problems.push(`${item}: not an integer (${a})`);
    else if (a < 1 || a > 5) problems.push(`${item}: out of range 1..5 (${a})`);
  }
  if (problems.length > 0)
    throw new DomainValidationError('invalid-bfi44', `Invalid BFI-44 answers: ${problems.join('; ')}`);
}

export function scoreBfi44(answers: readonly Bfi44Answer[]): Bfi44Result {
  validateAnswers(answers);
  const scores = {} as Record<Trait, number>;
  const perTrait = {} as Record<Trait, number>;
  let answered = 0;
  for (const trait of TRAITS) {
    let sum = 0;
    let count = 0;
    for (const keyed of BFI44_KEY[trait]) {
      const a = answers[Math.abs(keyed) - 1];
      if (a === null) continue;
      sum += keyed < 0 ? 6 - a : a;
      count++;
    }
    scores[trait] = count === 0 ? NEUTRAL_TRAIT_SCORE : ((sum / count - 1) / 4) * 100;
    perTrait[trait] = count / BFI44_KEY[trait].length;
    answered += count;
  }
  return { scores, confidence: { overall: answered / BFI44_ITEM_COUNT, perTrait } };
}

/** Validates directly entered trait scores: all five present, finite, 0..100. Lists every problem. */
export function validateBigFive(scores: unknown): BigFive {
  if (typeof scores !== 'object' || scores === null) {
    throw new DomainValidationError('invalid-big-five', 'Big Five scores must be an object with five traits');
  }
  const record = scores as Record<string, unknown>;
  const problems: string[] = [];
  for (const trait of TRAITS) {
    const v = record[trait];
    if (typeof v !== 'number' || !Number.isFinite(v)) problems.push(`${trait}: not a finite number (${String(v)})`);
    else if (v < 0 || v > 100) problems.push(`${trait}: out of range 0..100 (${v})`);
  }
  if (problems.length > 0)
    throw new DomainValidationError('invalid-big-five', `Invalid Big Five scores: ${problems.join('; ')}`);
  const out = {} as Record<Trait, number>;
  for (const trait of TRAITS) out[trait] = record[trait] as number;
  return out;
}
