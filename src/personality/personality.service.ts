/**
 * The personality use case: store an assessment as the user's active profile, tell the
 * event path and the recommender, and drop the cached list computed with the old one.
 *
 * Postgres (personality_scores) is the source of truth and is written first: the
 * recommender reads the active profile from there on every request, so the new profile
 * counts from the next request on, whether or not the actor has applied the update yet.
 */
import type { PersonalityProfileUpdate } from '../contracts/records.js';
import type { Executor } from '../infra/postgres/pool.js';
import { findActiveProfile, insertProfile, type StoredProfileRow } from '../infra/postgres/personality.repository.js';
import { assess, defaultAssessment, traitConfidenceOf, type Assessment, type AssessmentInput } from './assessment.js';

/** Port: writes the update to the compacted profile topic and to the user-events topic. */
export interface ProfileSink {
  publish(update: PersonalityProfileUpdate): Promise<void>;
}

/** Port: drops the user's cached recommendation lists (Redis and Postgres). */
export interface CachedListsInvalidation {
  invalidate(userId: string): Promise<void>;
}

export interface PersonalityDeps {
  readonly db: Executor;
  readonly sink: ProfileSink;
  readonly lists: CachedListsInvalidation;
}

export class PersonalityService {
  constructor(private readonly deps: PersonalityDeps) {}

  /** Throws DomainValidationError for invalid answers/traits (callers validate first). */
  async assess(userId: string, input: AssessmentInput, now: number): Promise<Assessment> {
    const a = assess(input, now);
    const stored = await insertProfile(this.deps.db, {
      userId,
      traits: a.traits,
      confidence: a.confidence,
      method: a.method,
      assessedAt: now,
      totalQuestions: a.totalQuestions,
      answeredQuestions: a.answeredQuestions,
      rawResponses: a.rawResponses,
    });
    try {
      await this.deps.sink.publish(profileUpdateOf(stored));
    } finally {
      // Also after a failed publish: the stored profile is already what the recommender uses,
      // so a list computed with the old one must go either way.
      await this.deps.lists.invalidate(userId);
    }
    return assessmentOf(stored);
  }

  /** The active profile, or the balanced default (method 'default', confidence 0). */
  async current(userId: string): Promise<Assessment> {
    const stored = await findActiveProfile(this.deps.db, userId);
    return stored ? assessmentOf(stored) : defaultAssessment();
  }
}

export function profileUpdateOf(p: StoredProfileRow): PersonalityProfileUpdate {
  return {
    user_id: p.userId,
    ...p.traits,
    confidence: p.confidence,
    method: p.method,
    assessed_at: p.assessedAt,
    total_questions: p.totalQuestions,
    answered_questions: p.answeredQuestions,
  };
}

function assessmentOf(p: StoredProfileRow): Assessment {
  return {
    traits: p.traits,
    confidence: p.confidence,
    traitConfidence: traitConfidenceOf(p.method, p.rawResponses),
    method: p.method,
    assessedAt: p.assessedAt,
    totalQuestions: p.totalQuestions,
    answeredQuestions: p.answeredQuestions,
    rawResponses: p.rawResponses as Assessment['rawResponses'],
  };
}
