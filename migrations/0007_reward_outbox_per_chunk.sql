-- The reward outbox held one row per applied event: an insert with the chunk, then a
-- locking read and an UPDATE of every row by the relay — three row writes per event on the
-- event path's hottest table. It now holds one row per committed chunk: the chunk's reward
-- records (Avro, concatenated; `lengths` slices them) with their event ids and keys. The
-- delivery guarantee is unchanged: written in the chunk's transaction, relayed afterwards,
-- at-least-once (a duplicate carries the same event_id).
CREATE TABLE reward_outbox_chunks (
    id           bigserial   PRIMARY KEY,
    event_ids    text[]      NOT NULL CHECK (cardinality(event_ids) > 0),
    user_ids     text[]      NOT NULL,
    lengths      int[]       NOT NULL,
    payloads     bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz NULL,
    CHECK (cardinality(user_ids) = cardinality(event_ids) AND cardinality(lengths) = cardinality(event_ids))
);

-- Rows not yet relayed move over, one reward per row, in their order.
INSERT INTO reward_outbox_chunks (event_ids, user_ids, lengths, payloads, created_at)
SELECT ARRAY[event_id], ARRAY[user_id], ARRAY[length(payload)], payload, created_at
  FROM reward_outbox WHERE published_at IS NULL ORDER BY id;

DROP TABLE reward_outbox;
ALTER TABLE reward_outbox_chunks RENAME TO reward_outbox;
ALTER INDEX reward_outbox_chunks_pkey RENAME TO reward_outbox_pkey;
ALTER SEQUENCE reward_outbox_chunks_id_seq RENAME TO reward_outbox_id_seq;
CREATE INDEX reward_outbox_unpublished ON reward_outbox (id) WHERE published_at IS NULL;

COMMENT ON TABLE reward_outbox IS
    'Transactional outbox, one row per committed chunk: written with the state change and relayed to Kafka afterwards, so the reward stream is at-least-once (consumers dedupe on event_id).';
