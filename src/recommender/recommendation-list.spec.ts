import type { RecommendedTrack } from '../contracts/records.js';
import { LIST_FORMAT_VERSION, parseList, reusableTracks, type RecommendationList } from './recommendation-list.js';

const track = (id: string, rank: number): RecommendedTrack => ({
  track_id: id,
  name: `Track ${id}`,
  artists: ['a'],
  genres: ['pop'],
  rank,
  scores: { history_similarity: 0.5, personality_match: 0.7, diversity: 0, novelty: 0.4, rl_adjustment: 0, final: 0.7 },
  reason: 'Popular right now',
  exploration: false,
  selection_probability: 0.9,
});

const list = (ids: string[], maxResults = ids.length): RecommendationList => ({
  format: LIST_FORMAT_VERSION,
  user_id: 'u1',
  request_id: 'r0',
  model_version: '7',
  cold_start_stage: 'month_2_plus',
  total_candidates: 300,
  generated_at: 1000,
  max_results: maxResults,
  epsilon: 0.1,
  tracks: ids.map((id, i) => track(id, i + 1)),
});

const ids = (tracks: RecommendedTrack[] | null) => tracks && tracks.map((t) => `${t.rank}:${t.track_id}`);

describe('reusableTracks', () => {
  it.each([
    ['no negatives, same size', list(['a', 'b', 'c']), [], 3, ['1:a', '2:b', '3:c']],
    ['fewer requested: the best ones', list(['a', 'b', 'c']), [], 2, ['1:a', '2:b']],
    ['a negative is dropped and ranks close up', list(['a', 'b', 'c', 'd']), ['b'], 3, ['1:a', '2:c', '3:d']],
    ['negatives not in the list change nothing', list(['a', 'b']), ['x', 'y'], 2, ['1:a', '2:b']],
    ['too few remain → recompute', list(['a', 'b', 'c']), ['a'], 3, null],
    ['more requested than cached → recompute', list(['a', 'b']), [], 3, null],
    ['exhausted list (3 of 5 asked) still serves 4 asked', list(['a', 'b', 'c'], 5), ['c'], 4, ['1:a', '2:b']],
    ['exhausted list asked for fewer than now → recompute', list(['a', 'b'], 3), [], 4, null],
  ])('%s', (_name, cached, negatives, maxResults, expected) => {
    expect(ids(reusableTracks(cached, negatives, maxResults))).toEqual(expected);
  });

  it('keeps the scores, reason and propensity of every served track', () => {
    const [first] = reusableTracks(list(['a', 'b']), ['a'], 1) ?? [];
    expect(first).toEqual({ ...track('b', 1) });
  });
});

describe('parseList', () => {
  const stored = list(['a']);
  it.each([
    ['JSON text', JSON.stringify(stored), stored],
    ['parsed jsonb', JSON.parse(JSON.stringify(stored)) as unknown, stored],
    ['another format version', JSON.stringify({ ...stored, format: 2 }), null],
    ['no tracks', JSON.stringify({ ...stored, tracks: undefined }), null],
    ['malformed JSON', '{"format":1,', null],
    ['not an object', '"text"', null],
    ['null', null, null],
  ])('%s', (_name, payload, expected) => {
    expect(parseList(payload)).toEqual(expected);
  });
});
