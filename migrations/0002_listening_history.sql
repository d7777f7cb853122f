-- Per-user listening history, one row per (user, track), with the audio
-- features copied at first play so scoring does not depend on the catalog.

CREATE TABLE listening_history (
    user_id              text             NOT NULL CHECK (user_id <> ''),
    track_id             text             NOT NULL CHECK (track_id <> ''),
    play_count           int              NOT NULL CHECK (play_count >= 1),
    total_listen_time_ms bigint           NOT NULL CHECK (total_listen_time_ms >= 0),
    first_played_at      timestamptz      NOT NULL,
    played_at            timestamptz      NOT NULL,
    danceability         double precision NULL CHECK (danceability BETWEEN 0 AND 1),
    energy               double precision NULL CHECK (energy BETWEEN 0 AND 1),
    valence              double precision NULL CHECK (valence BETWEEN 0 AND 1),
    tempo                double precision NULL CHECK (tempo >= 0),
    acousticness         double precision NULL CHECK (acousticness BETWEEN 0 AND 1),
    instrumentalness     double precision NULL CHECK (instrumentalness BETWEEN 0 AND 1),
    speechiness          double precision NULL CHECK (speechiness BETWEEN 0 AND 1),
    genres               text[]           NOT NULL DEFAULT '{}',
    PRIMARY KEY (user_id, track_id),
    CHECK (played_at >= first_played_at)
);

COMMENT ON COLUMN listening_history.played_at IS
    'Last play. Only moves forward (GREATEST) so replayed or out-of-order events cannot rewind it.';

CREATE INDEX listening_history_user_top
    ON listening_history (user_id, play_count DESC, played_at DESC);

-- Returns the new play_count. Features fill gaps only (COALESCE): the first
-- known value wins, so a later catalog correction does not rewrite history.
CREATE FUNCTION upsert_listening_history(
    p_user_id          text,
    p_track_id         text,
    p_listen_ms        bigint,
    p_played_at        timestamptz,
    p_danceability     double precision DEFAULT NULL,
    p_energy           double precision DEFAULT NULL,
    p_valence          double precision DEFAULT NULL,
    p_tempo            double precision DEFAULT NULL,
    p_acousticness     double precision DEFAULT NULL,
    p_instrumentalness double precision DEFAULT NULL,
    p_speechiness      double precision DEFAULT NULL,
    p_genres           text[]           DEFAULT '{}'
) RETURNS int
LANGUAGE sql
VOLATILE
SET search_path FROM CURRENT
AS $$
    INSERT INTO listening_history AS lh (
        user_id, track_id, play_count, total_listen_time_ms, first_played_at, played_at,
        danceability, energy, valence, tempo, acousticness, instrumentalness, speechiness, genres
    ) VALUES (
        p_user_id, p_track_id, 1, p_listen_ms, p_played_at, p_played_at,
        p_danceability, p_energy, p_valence, p_tempo, p_acousticness, p_instrumentalness,
        p_speechiness, coalesce(p_genres, '{}')
    )
    ON CONFLICT (user_id, track_id) DO UPDATE SET
        play_count           = lh.play_count + 1,
        total_listen_time_ms = lh.total_listen_time_ms + excluded.total_listen_time_ms,
        first_played_at      = least(lh.first_played_at, excluded.first_played_at),
        played_at            = greatest(lh.played_at, excluded.played_at),
        danceability         = coalesce(lh.danceability, excluded.danceability),
        energy               = coalesce(lh.energy, excluded.energy),
        valence              = coalesce(lh.valence, excluded.valence),
        tempo                = coalesce(lh.tempo, excluded.tempo),
        acousticness         = coalesce(lh.acousticness, excluded.acousticness),
        instrumentalness     = coalesce(lh.instrumentalness, excluded.instrumentalness),
        speechiness          = coalesce(lh.speechiness, excluded.speechiness),
        genres               = CASE WHEN cardinality(lh.genres) = 0
                                    THEN excluded.genres ELSE lh.genres END
    RETURNING lh.play_count
$$;

CREATE FUNCTION get_user_top_50_tracks(p_user_id text)
RETURNS TABLE (
    track_id             text,
    play_count           int,
    total_listen_time_ms bigint,
    played_at            timestamptz,
    danceability         double precision,
    energy               double precision,
    valence              double precision,
    tempo                double precision,
    acousticness         double precision,
    instrumentalness     double precision,
    speechiness          double precision,
    genres               text[]
)
LANGUAGE sql
STABLE
SET search_path FROM CURRENT
AS $$
    SELECT lh.track_id, lh.play_count, lh.total_listen_time_ms, lh.played_at,
           lh.danceability, lh.energy, lh.valence, lh.tempo, lh.acousticness,
           lh.instrumentalness, lh.speechiness, lh.genres
    FROM listening_history lh
    WHERE lh.user_id = p_user_id
    -- track_id last only makes ties deterministic.
    ORDER BY lh.play_count DESC, lh.total_listen_time_ms DESC, lh.played_at DESC, lh.track_id
    LIMIT 50
$$;
