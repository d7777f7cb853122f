/**
 * The evaluation ranks exactly like the serving path: candidatesFor + rankFor with the full
 * model and one rng equal src/recommender's computeRecommendations for the same seed.
 */
import { buildCatalogIndex } from '../../src/domain/catalog-index.js';
import { weightsForStage } from '../../src/domain/cold-start.js';
import { DEFAULT_LEARNING_PARAMS } from '../../src/domain/learning-params.js';
import { createRng } from '../../src/domain/rng.js';
import { syntheticEvents, syntheticTracks } from '../../src/domain/test-fixtures.js';
import { applyEvent, initialUserState } from '../../src/domain/user-state.js';
import { SNAPSHOT_LIMITS, snapshotOf } from '../../src/domain/user-snapshot.js';
import { candidatesFor, FULL_MODEL, rankFor } from '../../src/evaluation/engine/recommend.js';
import { computeRecommendations } from '../../src/recommender/recommendation-engine.js';

describe('evaluation engine vs serving engine', () => {
  const tracks = syntheticTracks(800, 'parity');
  const index = buildCatalogIndex(tracks);
  const state = initialUserState('parity-user');
  for (const [event, track] of syntheticEvents('parity-user', tracks, 300))
    applyEvent(state, event, track, DEFAULT_LEARNING_PARAMS);
  const snapshot = snapshotOf(state, SNAPSHOT_LIMITS);
  const now = Math.max(...[...state.history.values()].map((h) => h.lastPlayedAt)) + 3_600_000;

  it.each([0, 0.1, 0.3])('gives the identical list at ε = %d', (epsilon) => {
    const served = computeRecommendations({
      index,
      snapshot,
      createdAt: now - 90 * 86_400_000,
      now,
      epsilon,
      maxResults: 20,
      seed: 'req-1',
    });
    const rng = createRng('req-1');
    const candidates = candidatesFor({ index, snapshot, now, rng });
    const ours = rankFor({
      index,
      snapshot,
      candidates,
      weights: weightsForStage(served.stage),
      ablation: FULL_MODEL,
      epsilon,
      rng,
      maxResults: 20,
    });
    expect(served.stage).toBe('month_2_plus');
    expect(ours).toEqual(served.ranked);
    expect(ours.length).toBe(20);
  });
});
