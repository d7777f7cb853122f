// TypeScript mirror of schemas/music.*.avsc (latest versions). Field names are the
// Avro field names (snake_case); `long` is a JS number (epoch ms and Kafka offsets stay
// below 2^53), `bytes` is a Buffer, `["null", T]` is `T | null`.
// records.spec.ts fails when a key here and a schema field drift apart.

export const RECORD_NAMES = [
  'music.ListeningEvent',
  'music.FeedbackEvent',
  'music.RecommendationRequest',
  'music.RecommendationReply',
  'music.RewardRecord',
  'music.PersonalityProfileUpdate',
  'music.CatalogTrack',
  'music.Decision',
  'music.DeadLetter',
] as const;

export type RecordName = (typeof RECORD_NAMES)[number];

export interface ListeningEvent {
  event_id: string;
  user_id: string;
  track_id: string;
  occurred_at: number;
  ms_listened: number;
  track_duration_ms: number;
  /** workout, party, study, commute, relax, sleep, focus */
  context: string | null;
  recommendation_id: string | null;
  recommended_at: number | null;
  client: string | null;
}

export interface FeedbackEvent {
  event_id: string;
  user_id: string;
  track_id: string;
  occurred_at: number;
  /** like, save, add_to_playlist, play, repeat, share, dislike, skip; unknown values are dead-lettered. */
  feedback_type: string;
  ms_listened: number | null;
  track_duration_ms: number | null;
  context: string | null;
  recommendation_id: string | null;
  recommended_at: number | null;
}

export interface RecommendationRequest {
  request_id: string;
  user_id: string;
  max_results: number;
  force_refresh: boolean;
  requested_at: number;
  context: string | null;
}

export type ReplyStatus = 'OK' | 'RATE_LIMITED' | 'BAD_REQUEST' | 'ERROR';

export interface ComponentScores {
  history_similarity: number;
  personality_match: number;
  diversity: number;
  novelty: number;
  rl_adjustment: number;
  final: number;
}

export interface RecommendedTrack {
  track_id: string;
  name: string;
  artists: string[];
  genres: string[];
  rank: number;
  scores: ComponentScores;
  reason: string;
  exploration: boolean;
  selection_probability: number;
}

export interface RecommendationReply {
  request_id: string;
  user_id: string;
  status: ReplyStatus;
  error: string | null;
  retry_after_ms: number | null;
  tracks: RecommendedTrack[];
  cold_start_stage: string;
  response_time_ms: number;
  from_cache: boolean;
  total_candidates: number;
  model_version: string;
  generated_at: number;
}

export interface RewardRecord {
  event_id: string;
  user_id: string;
  track_id: string;
  feedback_type: string;
  occurred_at: number;
  base_reward: number;
  /** name → factor or addend, as defined by the reward function per name */
  modifiers: Record<string, number>;
  final_reward: number;
  state_key: string;
  action: string;
  q_before: number;
  q_after: number;
  /** the user's model version after this update */
  model_version: number;
  source_topic: string;
  source_partition: number;
  source_offset: number;
  processed_at: number;
}

export interface PersonalityProfileUpdate {
  user_id: string;
  openness: number;
  conscientiousness: number;
  extraversion: number;
  agreeableness: number;
  neuroticism: number;
  confidence: number;
  /** bfi44, direct, default */
  method: string;
  assessed_at: number;
  total_questions: number;
  answered_questions: number;
}

export interface CatalogTrack {
  track_id: string;
  name: string;
  artists: string[];
  album: string | null;
  popularity: number;
  duration_ms: number;
  explicit: boolean;
  danceability: number;
  energy: number;
  key: number;
  loudness: number;
  mode: number;
  speechiness: number;
  acousticness: number;
  instrumentalness: number;
  liveness: number;
  valence: number;
  tempo: number;
  time_signature: number;
  genres: string[];
  /** ISO 8601 date */
  release_date: string | null;
  /** spotify-dataset, spotify-api, generated */
  source: string;
}

export interface DecisionItem {
  track_id: string;
  rank: number;
  final_score: number;
  exploration: boolean;
  selection_probability: number;
}

export interface Decision {
  request_id: string;
  user_id: string;
  decided_at: number;
  candidates_considered: number;
  epsilon: number;
  cold_start_stage: string;
  model_version: string;
  chosen: DecisionItem[];
}

export interface DeadLetter {
  /** undecodable, unknown-fingerprint, missing-user-id, unknown-feedback-type, invalid-duration, ... */
  reason_code: string;
  reason: string;
  source_topic: string;
  source_partition: number;
  source_offset: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer>;
  failed_at: number;
  error_retriable: boolean;
}

export interface RecordTypes {
  'music.ListeningEvent': ListeningEvent;
  'music.FeedbackEvent': FeedbackEvent;
  'music.RecommendationRequest': RecommendationRequest;
  'music.RecommendationReply': RecommendationReply;
  'music.RewardRecord': RewardRecord;
  'music.PersonalityProfileUpdate': PersonalityProfileUpdate;
  'music.CatalogTrack': CatalogTrack;
  'music.Decision': Decision;
  'music.DeadLetter': DeadLetter;
}
