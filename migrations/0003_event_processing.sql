-- State written by the event processor. Everything in this file is updated in
-- one transaction per applied event: interaction row, model, preferences,
-- Kafka offset and outbox row commit or roll back together.

CREATE TABLE music_interactions (
    event_id          text             NOT NULL CHECK (event_id <> ''),
    user_id           text             NOT NULL CHECK (user_id <> ''),
    track_id          text             NOT NULL CHECK (track_id <> ''),
    event_kind        text             NOT NULL CHECK (event_kind IN ('listening', 'feedback')),
    feedback_type     text             NULL,
    ms_listened       bigint           NULL CHECK (ms_listened >= 0),
    track_duration_ms bigint           NULL CHECK (track_duration_ms > 0),
    context           text             NULL,
    recommendation_id text             NULL,
    base_reward       double precision NOT NULL,
    final_reward      double precision NOT NULL,
    state_key         text             NOT NULL,
    action            text             NOT NULL,
    q_before          double precision NOT NULL,
    q_after           double precision NOT NULL,
    occurred_at       timestamptz      NOT NULL,
    source_topic      text             NOT NULL,
    source_partition  int              NOT NULL CHECK (source_partition >= 0),
    source_offset     bigint           NOT NULL CHECK (source_offset >= 0),
    processed_at      timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT music_interactions_event_id_key UNIQUE (event_id),
    CHECK (event_kind <> 'feedback' OR feedback_type IS NOT NULL)
);

COMMENT ON CONSTRAINT music_interactions_event_id_key ON music_interactions IS
    'Exactly-once guard: a redelivered event hits this constraint and its transaction is skipped.';

CREATE INDEX music_interactions_user_time ON music_interactions (user_id, occurred_at);

CREATE TABLE music_rl_models (
    user_id       text        PRIMARY KEY CHECK (user_id <> ''),
    model_version bigint      NOT NULL CHECK (model_version >= 0),
    state         bytea       NOT NULL,
    q_entries     int         NOT NULL DEFAULT 0 CHECK (q_entries >= 0),
    episodes      bigint      NOT NULL DEFAULT 0 CHECK (episodes >= 0),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

COMMENT ON COLUMN music_rl_models.model_version IS
    'Incremented once per applied event; writers compare-and-set on it to detect a concurrent actor.';
COMMENT ON COLUMN music_rl_models.q_entries IS
    'Denormalised from state for inspection only; state is the source of truth.';
COMMENT ON COLUMN music_rl_models.episodes IS
    'Denormalised from state for inspection only; state is the source of truth.';

CREATE TABLE music_genre_preferences (
    user_id      text             NOT NULL CHECK (user_id <> ''),
    genre        text             NOT NULL CHECK (genre <> ''),
    kind         text             NOT NULL CHECK (kind IN ('genre', 'bucket')),
    score        double precision NOT NULL,
    interactions int              NOT NULL DEFAULT 0 CHECK (interactions >= 0),
    updated_at   timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, genre)
);

CREATE TABLE processor_offsets (
    consumer_group text        NOT NULL CHECK (consumer_group <> ''),
    topic          text        NOT NULL CHECK (topic <> ''),
    partition      int         NOT NULL CHECK (partition >= 0),
    next_offset    bigint      NOT NULL CHECK (next_offset >= 0),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, topic, partition)
);

COMMENT ON TABLE processor_offsets IS
    'Source of truth for consumer positions: committed with the state it produced, so a crash between the DB commit and the Kafka commit cannot double-apply.';

CREATE TABLE reward_outbox (
    id           bigserial   PRIMARY KEY,
    event_id     text        NOT NULL CHECK (event_id <> ''),
    user_id      text        NOT NULL CHECK (user_id <> ''),
    payload      bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz NULL
);

COMMENT ON TABLE reward_outbox IS
    'Transactional outbox: rows are written with the state change and relayed to Kafka afterwards, so the reward stream is at-least-once (consumers dedupe on event_id).';

CREATE INDEX reward_outbox_unpublished ON reward_outbox (id) WHERE published_at IS NULL;
