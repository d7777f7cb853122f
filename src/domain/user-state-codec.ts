/**
 * Binary form of a UserState for the `music_rl_models.state` column. Layout v2 (v1 is still read), all
 * numbers little-endian, floats as float64 so the round trip is exact:
 *
 *   u8 version=1 | str userId | f64 modelVersion | f64 episodes
 *   u8 hasPersonality [5 × f64 O C E A N] | 4 × u32 rng
 *   u32 nStrings, nStrings × str          (string table: state keys, genres, track ids)
 *   u32 nQ,       nQ × (u32 key, f64 Q(recommend), f64 Q(not_recommend))
 *   u32 nGenres,  nGenres × (u32 genre, f64 score, u32 count)
 *   u32 nBuckets, nBuckets × (u32 bucket, f64 score, u32 count)
 *   u32 capacity, u32 next, u32 size, size × (u32 key, u8 action, f64 reward)
 *   u32 nHistory, nHistory × (u32 track, u32 plays, f64 totalMs, f64 first, f64 last)
 *   u32 nNegatives, nNegatives × u32 track                              (v2 and later)
 *
 *   str = u32 byte length + UTF-8 bytes. Interning makes a full 10k-entry replay buffer
 *   13 bytes per experience instead of repeating a ~30-byte key.
 */
import type { GenZBucket } from './genre.js';
import type { Preference } from './genre-preferences.js';
import { ByteReader, ByteWriter } from './byte-buffer.js';
import { ACTIONS, DomainValidationError, TRAITS, type BigFive } from './types.js';
import type { UserState } from './user-state.js';

export const USER_STATE_CODEC_VERSION = 2;

function stringTable(s: UserState): { strings: string[]; index: Map<string, number> } {
  const index = new Map<string, number>();
  const add = (x: string): void => void (index.has(x) || index.set(x, index.size));
  for (const k of s.q.keys()) add(k);
  for (const e of s.replay.items) add(e.stateKey);
  for (const g of s.preferences.genres.keys()) add(g);
  for (const b of s.preferences.buckets.keys()) add(b);
  for (const t of s.history.keys()) add(t);
  for (const t of s.recentNegatives) add(t);
  return { strings: Array.from(index.keys()), index };
}

function writePrefs(w: ByteWriter, prefs: ReadonlyMap<string, Preference>, index: Map<string, number>): void {
  w.u32(prefs.size);
  for (const [name, p] of prefs) w.u32(index.get(name)!).f64(p.score).u32(p.count);
}

export function encodeUserState(s: UserState): Uint8Array {
  const w = new ByteWriter();
  w.u8(USER_STATE_CODEC_VERSION).str(s.userId).f64(s.modelVersion).f64(s.episodes);
  w.u8(s.personality ? 1 : 0);
  if (s.personality) for (const t of TRAITS) w.f64(s.personality[t]);
  for (const word of s.rng) w.u32(word);
  const { strings, index } = stringTable(s);
  w.u32(strings.length);
  for (const x of strings) w.str(x);
  w.u32(s.q.size);
  for (const [k, [rec, not]] of s.q) w.u32(index.get(k)!).f64(rec).f64(not);
  writePrefs(w, s.preferences.genres, index);
  writePrefs(w, s.preferences.buckets, index);
  w.u32(s.replay.capacity).u32(s.replay.next).u32(s.replay.items.length);
  for (const e of s.replay.items) w.u32(index.get(e.stateKey)!).u8(ACTIONS.indexOf(e.action)).f64(e.reward);
  w.u32(s.history.size);
  for (const [t, h] of s.history)
    w.u32(index.get(t)!).u32(h.playCount).f64(h.totalListenMs).f64(h.firstPlayedAt).f64(h.lastPlayedAt);
  w.u32(s.recentNegatives.length);
  for (const t of s.recentNegatives) w.u32(index.get(t)!);
  return w.bytes();
}

function readPersonality(r: ByteReader): BigFive | null {
  if (r.u8() === 0) return null;
  const [openness, conscientiousness, extraversion, agreeableness, neuroticism] = TRAITS.map(() => r.f64());
  return { openness, conscientiousness, extraversion, agreeableness, neuroticism };
}

function readPrefs<K extends string>(r: ByteReader, str: () => string): Map<K, Preference> {
  const m = new Map<K, Preference>();
  for (let n = r.count(16); n > 0; n--) m.set(str() as K, { score: r.f64(), count: r.u32() });
  return m;
}

function readState(r: ByteReader): UserState {
  const version = r.u8();
  if (version !== 1 && version !== USER_STATE_CODEC_VERSION)
    throw new DomainValidationError('unsupported-state-version', `user state codec v${version}`);
  const userId = r.str();
  const modelVersion = r.f64();
  const episodes = r.f64();
  const personality = readPersonality(r);
  const rng = [r.u32(), r.u32(), r.u32(), r.u32()] as const;
  const strings = Array.from({ length: r.count(4) }, () => r.str());
  const str = (): string => strings[r.u32()] ?? r.fail('string index out of range');
  const q = new Map<string, [number, number]>();
  for (let n = r.count(20); n > 0; n--) q.set(str(), [r.f64(), r.f64()]);
  const genres = readPrefs<string>(r, str);
  const buckets = readPrefs<GenZBucket>(r, str);
  const capacity = r.u32();
  const next = r.u32();
  const items = Array.from({ length: r.count(13) }, () => ({
    stateKey: str(),
    action: ACTIONS[r.u8()] ?? r.fail('bad action'),
    reward: r.f64(),
  }));
  if (capacity === 0 || items.length > capacity || next >= capacity || (next > 0 && items.length < capacity)) {
    r.fail(`inconsistent replay ring (capacity ${capacity}, next ${next}, size ${items.length})`);
  }
  const history = new Map<
    string,
    { playCount: number; totalListenMs: number; firstPlayedAt: number; lastPlayedAt: number }
  >();
  for (let n = r.count(32); n > 0; n--) {
    history.set(str(), { playCount: r.u32(), totalListenMs: r.f64(), firstPlayedAt: r.f64(), lastPlayedAt: r.f64() });
  }
  const recentNegatives = version >= 2 ? Array.from({ length: r.count(4) }, () => str()) : [];
  r.end();
  return {
    userId,
    modelVersion,
    episodes,
    personality,
    q,
    preferences: { genres, buckets },
    replay: { capacity, items, next },
    rng,
    history,
    recentNegatives,
  };
}

/** Throws DomainValidationError ('unsupported-state-version' or 'corrupt-state') on bytes it cannot read. */
export function decodeUserState(bytes: Uint8Array): UserState {
  return readState(new ByteReader(bytes));
}
