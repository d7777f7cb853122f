/**
 * A Big Five assessment as it is stored and published: from BFI-44 answers (scored with
 * the published key) or from directly entered trait scores. Pure: no I/O, time is passed in.
 */
import { BFI44_ITEM_COUNT, scoreBfi44, validateBigFive, type Bfi44Answer } from '../domain/bfi44.js';
import { BALANCED_BIG_FIVE, TRAITS, type BigFive, type Trait } from '../domain/types.js';

export type AssessmentInput =
  | { readonly kind: 'bfi44'; readonly answers: readonly Bfi44Answer[] }
  | { readonly kind: 'direct'; readonly traits: BigFive };

export type AssessmentMethod = 'bfi44' | 'direct' | 'default';

export interface Assessment {
  readonly traits: BigFive;
  /** Overall confidence 0..1 (BFI-44: answered / 44; direct: 1; default: 0). */
  readonly confidence: number;
  readonly traitConfidence: Readonly<Record<Trait, number>>;
  readonly method: AssessmentMethod;
  /** Epoch ms; null for the default profile (never assessed). */
  readonly assessedAt: number | null;
  readonly totalQuestions: number;
  readonly answeredQuestions: number;
  /** What the user sent, kept for audit and re-scoring (personality_scores.raw_responses). */
  readonly rawResponses: RawResponses | null;
}

export type RawResponses = { readonly answers: readonly Bfi44Answer[] } | { readonly traits: BigFive };

const perTrait = (value: number): Record<Trait, number> =>
  Object.fromEntries(TRAITS.map((t) => [t, value])) as Record<Trait, number>;

/**
 * personality_scores stores numeric(5,2): scores are rounded to 2 decimals HERE, so what the
 * caller gets back, what the topics carry and what Postgres returns are the same numbers.
 */
export function roundTraits(traits: BigFive): BigFive {
  const out = {} as Record<Trait, number>;
  for (const t of TRAITS) out[t] = Math.round(traits[t] * 100) / 100;
  return out;
}

/** Throws DomainValidationError (invalid-bfi44 / invalid-big-five) listing every problem. */
export function assess(input: AssessmentInput, now: number): Assessment {
  if (input.kind === 'bfi44') {
    const { scores, confidence } = scoreBfi44(input.answers);
    return {
      traits: roundTraits(scores),
      confidence: confidence.overall,
      traitConfidence: { ...confidence.perTrait },
      method: 'bfi44',
      assessedAt: now,
      totalQuestions: BFI44_ITEM_COUNT,
      answeredQuestions: input.answers.filter((a) => a !== null).length,
      rawResponses: { answers: [...input.answers] },
    };
  }
  const traits = roundTraits(validateBigFive(input.traits));
  return {
    traits,
    confidence: 1,
    traitConfidence: perTrait(1),
    method: 'direct',
    assessedAt: now,
    // The schema's total_questions defaults to 44; a direct entry asked no question.
    totalQuestions: 0,
    answeredQuestions: 0,
    rawResponses: { traits },
  };
}

/** What a user without any assessment gets: the balanced profile scorers use anyway. */
export function defaultAssessment(): Assessment {
  return {
    traits: { ...BALANCED_BIG_FIVE },
    confidence: 0,
    traitConfidence: perTrait(0),
    method: 'default',
    assessedAt: null,
    totalQuestions: 0,
    answeredQuestions: 0,
    rawResponses: null,
  };
}

/** Per-trait confidence of a stored row: re-derived from its answers (the table keeps only the overall one). */
export function traitConfidenceOf(method: AssessmentMethod, raw: unknown): Record<Trait, number> {
  if (method === 'bfi44' && isAnswers(raw)) return { ...scoreBfi44(raw.answers).confidence.perTrait };
  return perTrait(method === 'default' ? 0 : 1);
}

function isAnswers(raw: unknown): raw is { answers: Bfi44Answer[] } {
  const answers = (raw as { answers?: unknown } | null)?.answers;
  return Array.isArray(answers) && answers.length === BFI44_ITEM_COUNT;
}
