/**
 * Names of the project's own series, in one place: the collectors register them, the
 * dashboard reads them back from /metrics, docs/operations.md lists them. Everything is
 * prefixed `music_`; Node's process metrics keep prom-client's standard names.
 */
export const METRIC = Object.freeze({
  // learner
  recordsConsumed: 'music_learner_records_consumed_total',
  eventsApplied: 'music_learner_events_applied_total',
  eventsDuplicate: 'music_learner_events_duplicate_total',
  eventsDeadLettered: 'music_learner_events_dead_lettered_total',
  batches: 'music_learner_batches_total',
  chunkRecords: 'music_learner_chunk_records',
  chunkDuration: 'music_learner_chunk_duration_seconds',
  stageSeconds: 'music_learner_stage_seconds_total',
  postgresTransaction: 'music_learner_postgres_transaction_seconds',
  reward: 'music_learner_reward',
  consumerLag: 'music_learner_consumer_lag',
  partitionsAssigned: 'music_learner_partitions_assigned',
  partitionsRestoring: 'music_learner_partitions_restoring',
  // recommender
  recommendationRequests: 'music_recommendation_requests_total',
  recommendationDuration: 'music_recommendation_duration_seconds',
  rateLimitRejections: 'music_rate_limit_rejections_total',
  rateLimitFailOpen: 'music_rate_limit_fail_open_total',
  // shared
  cacheRequests: 'music_cache_requests_total',
  errors: 'music_errors_total',
  postgresPool: 'music_postgres_pool_clients',
  postgresPoolWaiting: 'music_postgres_pool_waiting_requests',
  redisConnected: 'music_redis_connected',
  redisMemory: 'music_redis_memory_bytes',
  redisClients: 'music_redis_connected_clients',
  // Spotify (where a process holds a client)
  spotifyRequests: 'music_spotify_requests_total',
  spotifyAttempts: 'music_spotify_attempts_total',
  spotifyRetries: 'music_spotify_retries_total',
  spotifyRateLimited: 'music_spotify_rate_limited_total',
  spotifyFailures: 'music_spotify_failures_total',
  // gateway
  httpRequests: 'music_http_requests_total',
  httpDuration: 'music_http_request_duration_seconds',
});

/** Help of the series several collectors share (the kinds and caches are listed in docs/operations.md). */
export const ERRORS_HELP = 'Errors by kind (chunk_retry, recommendation, side_effect, redis).';
export const CACHE_HELP = 'Cache lookups by cache (recommendation_list, spotify_*) and result (hit, miss, error).';
