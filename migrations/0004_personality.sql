CREATE TABLE personality_scores (
    id                 bigserial        PRIMARY KEY,
    user_id            text             NOT NULL CHECK (user_id <> ''),
    openness           numeric(5,2)     NOT NULL CHECK (openness BETWEEN 0 AND 100),
    conscientiousness  numeric(5,2)     NOT NULL CHECK (conscientiousness BETWEEN 0 AND 100),
    extraversion       numeric(5,2)     NOT NULL CHECK (extraversion BETWEEN 0 AND 100),
    agreeableness      numeric(5,2)     NOT NULL CHECK (agreeableness BETWEEN 0 AND 100),
    neuroticism        numeric(5,2)     NOT NULL CHECK (neuroticism BETWEEN 0 AND 100),
    confidence         double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    method             text             NOT NULL CHECK (method IN ('bfi44', 'direct', 'default')),
    assessment_date    timestamptz      NOT NULL DEFAULT now(),
    total_questions    int              NOT NULL DEFAULT 44 CHECK (total_questions >= 0),
    answered_questions int              NOT NULL DEFAULT 0
                                        CHECK (answered_questions BETWEEN 0 AND total_questions),
    raw_responses      jsonb            NULL,
    is_active          boolean          NOT NULL DEFAULT true,
    created_at         timestamptz      NOT NULL DEFAULT now()
);

COMMENT ON COLUMN personality_scores.total_questions IS
    '44 = the Big Five Inventory (BFI-44, John & Srivastava 1999).';

-- Several rows may be active (re-assessments are appended, not updated in
-- place); the newest active one is the profile, see get_active_personality_profile.
CREATE INDEX personality_scores_active
    ON personality_scores (user_id, assessment_date DESC, id DESC)
    WHERE is_active;

CREATE FUNCTION get_active_personality_profile(p_user_id text)
RETURNS SETOF personality_scores
LANGUAGE sql
STABLE
SET search_path FROM CURRENT
AS $$
    SELECT ps.*
    FROM personality_scores ps
    WHERE ps.user_id = p_user_id AND ps.is_active
    ORDER BY ps.assessment_date DESC, ps.id DESC
    LIMIT 1
$$;
