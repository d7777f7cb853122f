import { learningParams } from './learning-params.js';
import { CHILL, feedbackEvent, HYPE, listenEvent } from './test-fixtures.js';
import {
  applyEvent,
  applyPersonality,
  initialUserState,
  RECENT_NEGATIVES_MAX,
  snapshotOf,
  SNAPSHOT_LIMITS,
} from './user-state.js';
import { decodeUserState, encodeUserState } from './user-state-codec.js';

const params = learningParams();

describe('recent negatives', () => {
  it('remembers skips and dislikes newest first, and forgets them on an explicit positive', () => {
    const s = initialUserState('u1');
    applyEvent(s, listenEvent('a', 'T1', 0, 5_000, 200_000), HYPE, params); // implicit skip
    applyEvent(s, feedbackEvent('b', 'T2', 1_000, { feedbackType: 'dislike' }), CHILL, params);
    expect(s.recentNegatives).toEqual(['T2', 'T1']);
    applyEvent(s, listenEvent('c', 'T1', 2_000, 200_000, 200_000), HYPE, params); // a full play is not a redemption
    expect(s.recentNegatives).toEqual(['T2', 'T1']);
    applyEvent(s, feedbackEvent('d', 'T1', 3_000, { feedbackType: 'like' }), HYPE, params);
    expect(s.recentNegatives).toEqual(['T2']);
    applyEvent(
      s,
      feedbackEvent('e', 'T2', 4_000, { feedbackType: 'skip', msListened: 1_000, trackDurationMs: 180_000 }),
      CHILL,
      params,
    );
    expect(s.recentNegatives).toEqual(['T2']);
  });

  it(`keeps at most ${RECENT_NEGATIVES_MAX}`, () => {
    const s = initialUserState('u1');
    for (let i = 0; i < RECENT_NEGATIVES_MAX + 5; i++) {
      applyEvent(s, feedbackEvent(`e${i}`, `X${i}`, i * 1000, { feedbackType: 'dislike' }), null, params);
    }
    expect(s.recentNegatives).toHaveLength(RECENT_NEGATIVES_MAX);
    expect(s.recentNegatives[0]).toBe(`X${RECENT_NEGATIVES_MAX + 4}`);
  });

  it('round-trips through the codec and reaches the snapshot with the personality', () => {
    const s = initialUserState('u1');
    applyPersonality(s, { openness: 80, conscientiousness: 20, extraversion: 50, agreeableness: 60, neuroticism: 10 });
    applyEvent(s, feedbackEvent('b', 'T2', 1_000, { feedbackType: 'dislike' }), CHILL, params);
    expect(decodeUserState(encodeUserState(s))).toEqual(s);
    const snap = snapshotOf(s, SNAPSHOT_LIMITS);
    expect(snap.negatives).toEqual(['T2']);
    expect(snap.personality).toEqual({
      openness: 80,
      conscientiousness: 20,
      extraversion: 50,
      agreeableness: 60,
      neuroticism: 10,
    });
  });
});
