/**
 * personality_scores: assessments are appended (never updated in place); the profile is
 * the newest active row, exactly as get_active_personality_profile picks it.
 */
import type { Executor } from './pool.js';

export interface ProfileTraits {
  readonly openness: number;
  readonly conscientiousness: number;
  readonly extraversion: number;
  readonly agreeableness: number;
  readonly neuroticism: number;
}

export interface NewProfileRow {
  readonly userId: string;
  readonly traits: ProfileTraits;
  readonly confidence: number;
  readonly method: 'bfi44' | 'direct' | 'default';
  /** Epoch ms. */
  readonly assessedAt: number;
  readonly totalQuestions: number;
  readonly answeredQuestions: number;
  readonly rawResponses: unknown;
}

export interface StoredProfileRow extends NewProfileRow {
  readonly id: string;
}

interface DbRow {
  id: string;
  user_id: string;
  openness: string;
  conscientiousness: string;
  extraversion: string;
  agreeableness: string;
  neuroticism: string;
  confidence: number;
  method: NewProfileRow['method'];
  assessed_ms: string;
  total_questions: number;
  answered_questions: number;
  raw_responses: unknown;
}

const COLUMNS = `id, user_id, openness, conscientiousness, extraversion, agreeableness, neuroticism, confidence,
  method, (extract(epoch FROM assessment_date) * 1000)::bigint AS assessed_ms, total_questions, answered_questions,
  raw_responses`;

/** Appends an active assessment; it becomes the profile (newest assessment_date, then id). */
export async function insertProfile(db: Executor, row: NewProfileRow): Promise<StoredProfileRow> {
  const t = row.traits;
  const { rows } = await db.query<DbRow>(
    `INSERT INTO personality_scores (user_id, openness, conscientiousness, extraversion, agreeableness, neuroticism,
            confidence, method, assessment_date, total_questions, answered_questions, raw_responses, is_active)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, to_timestamp($9 / 1000.0), $10, $11, $12::jsonb, true)
     RETURNING ${COLUMNS}`,
    [
      row.userId,
      t.openness,
      t.conscientiousness,
      t.extraversion,
      t.agreeableness,
      t.neuroticism,
      row.confidence,
      row.method,
      row.assessedAt,
      row.totalQuestions,
      row.answeredQuestions,
      row.rawResponses === null ? null : JSON.stringify(row.rawResponses),
    ],
  );
  return fromDb(rows[0]);
}

export async function findActiveProfile(db: Executor, userId: string): Promise<StoredProfileRow | null> {
  const { rows } = await db.query<DbRow>(`SELECT ${COLUMNS} FROM get_active_personality_profile($1)`, [userId]);
  return rows.length ? fromDb(rows[0]) : null;
}

/** numeric(5,2) arrives as a string; the values are exact at 2 decimals. */
function fromDb(r: DbRow): StoredProfileRow {
  return {
    id: r.id,
    userId: r.user_id,
    traits: {
      openness: Number(r.openness),
      conscientiousness: Number(r.conscientiousness),
      extraversion: Number(r.extraversion),
      agreeableness: Number(r.agreeableness),
      neuroticism: Number(r.neuroticism),
    },
    confidence: r.confidence,
    method: r.method,
    assessedAt: Number(r.assessed_ms),
    totalQuestions: r.total_questions,
    answeredQuestions: r.answered_questions,
    rawResponses: r.raw_responses,
  };
}
