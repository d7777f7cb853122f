/**
 * Body of PUT /v1/users/:userId/personality: exactly one of
 *   { "answers": [44 × (1..5 | null)] }   BFI-44, scored with the published key
 *   { "traits": { openness, conscientiousness, extraversion, agreeableness, neuroticism } }   0..100
 * Every problem is collected and reported in one 400, using the domain's own validation
 * (scoreBfi44 / validateBigFive) so the gateway and the scoring agree on what is valid.
 */
import { scoreBfi44, validateBigFive, type Bfi44Answer } from '../../domain/bfi44.js';
import { DomainValidationError, TRAITS, type BigFive } from '../../domain/types.js';
import type { AssessmentInput } from '../../personality/assessment.js';
import { invalidInput } from '../gateway.error.js';

interface Problem {
  readonly field: string;
  readonly message: string;
}

const FIELDS = new Set(['answers', 'traits']);
const TRAIT_NAMES = new Set<string>(TRAITS);

export function parsePersonalityBody(body: unknown): AssessmentInput {
  if (!isPlainObject(body)) {
    throw invalidInput('body', 'body must be a JSON object with "answers" (44 BFI-44 answers) or "traits"');
  }
  const problems: Problem[] = Object.keys(body)
    .filter((k) => !FIELDS.has(k))
    .map((k) => ({ field: `body.${k}`, message: `body.${k} is not a field; send "answers" or "traits"` }));
  const hasAnswers = body.answers !== undefined;
  const hasTraits = body.traits !== undefined;
  if (hasAnswers && hasTraits) problems.push({ field: 'body', message: 'send either "answers" or "traits", not both' });
  if (!hasAnswers && !hasTraits) {
    problems.push({
      field: 'body',
      message: 'send "answers" (44 BFI-44 answers, each 1–5 or null) or "traits" (five scores 0–100)',
    });
  }
  if (hasAnswers) problems.push(...answerProblems(body.answers));
  if (hasTraits) problems.push(...traitProblems(body.traits));
  if (problems.length > 0) {
    const fields = new Set(problems.map((p) => p.field));
    const field = fields.size === 1 ? problems[0].field : 'body';
    throw invalidInput(field, problems.map((p) => p.message).join('; '));
  }
  return hasAnswers
    ? { kind: 'bfi44', answers: body.answers as Bfi44Answer[] }
    : { kind: 'direct', traits: body.traits as BigFive };
}

function answerProblems(answers: unknown): Problem[] {
  if (!Array.isArray(answers)) {
    return [
      { field: 'body.answers', message: `body.answers must be an array of 44 answers; got ${typeName(answers)}` },
    ];
  }
  return domainProblems('body.answers', () => scoreBfi44(answers as Bfi44Answer[]));
}

function traitProblems(traits: unknown): Problem[] {
  if (!isPlainObject(traits)) {
    return [{ field: 'body.traits', message: `body.traits must be an object of five scores; got ${typeName(traits)}` }];
  }
  const unknown = Object.keys(traits)
    .filter((k) => !TRAIT_NAMES.has(k))
    .map((k) => ({ field: 'body.traits', message: `body.traits.${k} is not a Big Five trait` }));
  return [...unknown, ...domainProblems('body.traits', () => validateBigFive(traits))];
}

/** The domain lists every problem of its input in one message. */
function domainProblems(field: string, validate: () => unknown): Problem[] {
  try {
    validate();
    return [];
  } catch (error) {
    if (error instanceof DomainValidationError) return [{ field, message: `${field}: ${error.message}` }];
    throw error;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}
