-- The actor state blob is rewritten for every user a chunk touches (10–60 KB at 100–1,000
-- events per user). pglz compresses it at a large CPU cost on the commit path; lz4 is several
-- times faster at a similar ratio (bench/tx-breakdown.ts: model upsert 25 → 11 ms per
-- 660-event chunk). Existing rows keep their compression until rewritten, which the next
-- event of each user does.
ALTER TABLE music_rl_models ALTER COLUMN state SET COMPRESSION lz4;
