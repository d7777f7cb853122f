CREATE TABLE recommendations_cache (
    user_id       text        PRIMARY KEY CHECK (user_id <> ''),
    payload       jsonb       NOT NULL,
    model_version text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    is_valid      boolean     NOT NULL DEFAULT true,
    CHECK (expires_at >= created_at)
);

CREATE INDEX recommendations_cache_expires ON recommendations_cache (expires_at);

CREATE TABLE music_recommendations (
    id                    bigserial        PRIMARY KEY,
    request_id            text             NOT NULL CHECK (request_id <> ''),
    user_id               text             NOT NULL CHECK (user_id <> ''),
    track_id              text             NOT NULL CHECK (track_id <> ''),
    rank                  int              NOT NULL CHECK (rank >= 1),
    history_similarity    double precision NOT NULL,
    personality_match     double precision NOT NULL,
    diversity             double precision NOT NULL,
    novelty               double precision NOT NULL,
    rl_adjustment         double precision NOT NULL,
    final_score           double precision NOT NULL,
    reason                text             NULL,
    exploration           boolean          NOT NULL DEFAULT false,
    selection_probability double precision NULL CHECK (selection_probability BETWEEN 0 AND 1),
    cold_start_stage      text             NOT NULL,
    model_version         text             NOT NULL,
    created_at            timestamptz      NOT NULL DEFAULT now(),
    UNIQUE (request_id, rank),
    UNIQUE (request_id, track_id)
);

CREATE INDEX music_recommendations_user_recent ON music_recommendations (user_id, created_at DESC);
-- Serves the 30-day retention delete in clean_expired_recommendations.
CREATE INDEX music_recommendations_created ON music_recommendations (created_at);

-- Deletes rather than marks invalid: an invalid cache row is never served
-- again and the recommendation log is kept 30 days, so keeping either around
-- only costs space. Returns the total number of rows removed from both tables.
CREATE FUNCTION clean_expired_recommendations()
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
        DELETE FROM music_recommendations
        WHERE created_at < now() - interval '30 days'
        RETURNING 1
    )
    SELECT (SELECT count(*) FROM cache) + (SELECT count(*) FROM log)
$$;
