-- Users and the track catalog. Objects are created unqualified: the migrator
-- runs every file with SET LOCAL search_path to the target schema.

CREATE TABLE users (
    user_id           text        PRIMARY KEY CHECK (user_id <> ''),
    created_at        timestamptz NOT NULL DEFAULT now(),
    display_name      text        NULL,
    spotify_synced_at timestamptz NULL
);

COMMENT ON COLUMN users.created_at IS
    'Account creation time; the cold-start stage is derived from account age, so never reset it on re-sync.';

-- No foreign keys from the event tables to users or tracks: listening events,
-- the catalog import and account sync arrive on independent streams, and an
-- event must never be dead-lettered because its track or user is not known yet.
CREATE TABLE tracks (
    track_id         text             PRIMARY KEY CHECK (track_id <> ''),
    name             text             NOT NULL,
    artists          text[]           NOT NULL,
    album            text             NULL,
    popularity       int              NOT NULL CHECK (popularity BETWEEN 0 AND 100),
    duration_ms      int              NOT NULL CHECK (duration_ms >= 0),
    explicit         boolean          NOT NULL,
    danceability     double precision NOT NULL CHECK (danceability BETWEEN 0 AND 1),
    energy           double precision NOT NULL CHECK (energy BETWEEN 0 AND 1),
    loudness         double precision NOT NULL,
    speechiness      double precision NOT NULL CHECK (speechiness BETWEEN 0 AND 1),
    acousticness     double precision NOT NULL CHECK (acousticness BETWEEN 0 AND 1),
    instrumentalness double precision NOT NULL CHECK (instrumentalness BETWEEN 0 AND 1),
    liveness         double precision NOT NULL CHECK (liveness BETWEEN 0 AND 1),
    valence          double precision NOT NULL CHECK (valence BETWEEN 0 AND 1),
    tempo            double precision NOT NULL CHECK (tempo >= 0),
    key              int              NOT NULL CHECK (key BETWEEN -1 AND 11),
    mode             int              NOT NULL CHECK (mode IN (0, 1)),
    time_signature   int              NOT NULL CHECK (time_signature BETWEEN 0 AND 7),
    genres           text[]           NOT NULL,
    release_date     date             NULL,
    source           text             NOT NULL CHECK (source <> ''),
    updated_at       timestamptz      NOT NULL DEFAULT now()
);

COMMENT ON COLUMN tracks.key IS
    'Pitch class 0..11; -1 is the Spotify value for "no key detected".';
COMMENT ON COLUMN tracks.time_signature IS
    'Public Spotify dumps contain 0 and 1 for undetected meters, so the range is 0..7 rather than 3..7.';
COMMENT ON COLUMN tracks.loudness IS
    'dB, usually -60..0 but mastered tracks exceed 0, hence no CHECK.';

CREATE INDEX tracks_genres_gin ON tracks USING gin (genres);
CREATE INDEX tracks_popularity_desc ON tracks (popularity DESC);
