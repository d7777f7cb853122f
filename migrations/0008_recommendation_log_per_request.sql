-- The recommendation log held one row per served track: 50 rows and five index entries each
-- per answered request, which made Postgres the recommender's bottleneck under load
-- (≈ 0.5 core at 1,000 requests/s; bench/README.md). It now holds one row per request with
-- the tracks and their scores as parallel arrays. `music_recommendations` stays as a view
-- with the old columns, one row per track, so readers (the dashboard, joins with
-- listening events through recommendation_id) are unchanged.
CREATE TABLE music_recommendation_lists (
    id                    bigserial          PRIMARY KEY,
    request_id            text               NOT NULL UNIQUE CHECK (request_id <> ''),
    user_id               text               NOT NULL CHECK (user_id <> ''),
    cold_start_stage      text               NOT NULL,
    model_version         text               NOT NULL,
    created_at            timestamptz        NOT NULL DEFAULT now(),
    track_ids             text[]             NOT NULL CHECK (cardinality(track_ids) >= 1),
    ranks                 int[]              NOT NULL,
    history_similarity    double precision[] NOT NULL,
    personality_match     double precision[] NOT NULL,
    diversity             double precision[] NOT NULL,
    novelty               double precision[] NOT NULL,
    rl_adjustment         double precision[] NOT NULL,
    final_score           double precision[] NOT NULL,
    reasons               text[]             NOT NULL,
    exploration           boolean[]          NOT NULL,
    selection_probability double precision[] NOT NULL,
    CHECK (
        cardinality(ranks) = cardinality(track_ids)
        AND cardinality(history_similarity) = cardinality(track_ids)
        AND cardinality(personality_match) = cardinality(track_ids)
        AND cardinality(diversity) = cardinality(track_ids)
        AND cardinality(novelty) = cardinality(track_ids)
        AND cardinality(rl_adjustment) = cardinality(track_ids)
        AND cardinality(final_score) = cardinality(track_ids)
        AND cardinality(reasons) = cardinality(track_ids)
        AND cardinality(exploration) = cardinality(track_ids)
        AND cardinality(selection_probability) = cardinality(track_ids)
    ),
    -- Every track and score present (the per-track table had NOT NULL columns).
    CHECK (
        array_position(track_ids, NULL) IS NULL AND array_position(ranks, NULL) IS NULL
        AND array_position(final_score, NULL) IS NULL AND array_position(exploration, NULL) IS NULL
    )
);

CREATE INDEX music_recommendation_lists_user_recent ON music_recommendation_lists (user_id, created_at DESC);
-- Serves the 30-day retention delete in clean_expired_recommendations.
CREATE INDEX music_recommendation_lists_created ON music_recommendation_lists (created_at);

INSERT INTO music_recommendation_lists (request_id, user_id, cold_start_stage, model_version, created_at, track_ids,
       ranks, history_similarity, personality_match, diversity, novelty, rl_adjustment, final_score, reasons,
       exploration, selection_probability)
SELECT request_id, min(user_id), min(cold_start_stage), min(model_version), min(created_at),
       array_agg(track_id ORDER BY rank), array_agg(rank ORDER BY rank),
       array_agg(history_similarity ORDER BY rank), array_agg(personality_match ORDER BY rank),
       array_agg(diversity ORDER BY rank), array_agg(novelty ORDER BY rank), array_agg(rl_adjustment ORDER BY rank),
       array_agg(final_score ORDER BY rank), array_agg(reason ORDER BY rank), array_agg(exploration ORDER BY rank),
       array_agg(selection_probability ORDER BY rank)
  FROM music_recommendations
 GROUP BY request_id
 ORDER BY min(id);

DROP TABLE music_recommendations;

CREATE VIEW music_recommendations AS
SELECT l.id, l.request_id, l.user_id, t.track_id, t.rank, t.history_similarity, t.personality_match, t.diversity,
       t.novelty, t.rl_adjustment, t.final_score, t.reason, t.exploration, t.selection_probability,
       l.cold_start_stage, l.model_version, l.created_at
  FROM music_recommendation_lists l
 CROSS JOIN LATERAL unnest(l.track_ids, l.ranks, l.history_similarity, l.personality_match, l.diversity, l.novelty,
                           l.rl_adjustment, l.final_score, l.reasons, l.exploration, l.selection_probability)
       AS t(track_id, rank, history_similarity, personality_match, diversity, novelty, rl_adjustment, final_score,
            reason, exploration, selection_probability);

COMMENT ON VIEW music_recommendations IS
    'One row per served track of music_recommendation_lists (the log, one row per answered request).';

-- Same contract as before: removes expired or invalid cache rows and log entries older than
-- 30 days; returns the rows removed, counting a logged request as one row per track.
CREATE OR REPLACE FUNCTION clean_expired_recommendations()
RETURNS bigint
LANGUAGE sql
VOLATILE
SET search_path FROM CURRENT
AS $$
    WITH cache AS (
        DELETE FROM recommendations_cache
        WHERE expires_at < now() OR NOT is_valid
        RETURNING 1
    ), log AS (
        DELETE FROM music_recommendation_lists
        WHERE created_at < now() - interval '30 days'
        RETURNING cardinality(track_ids) AS tracks
    )
    SELECT (SELECT count(*) FROM cache) + (SELECT coalesce(sum(tracks), 0) FROM log)
$$;
