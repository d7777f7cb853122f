/** The reference the event path must match: the pure domain code applied to the same events, in order. */
import type { Pool } from 'pg';
import type { LearningParams } from '../../src/domain/learning-params.js';
import { syntheticEvents, syntheticTracks } from '../../src/domain/test-fixtures.js';
import type { Track } from '../../src/domain/types.js';
import { applyEvent, initialUserState, type UserEvent, type UserState } from '../../src/domain/user-state.js';
import { decodeUserState, encodeUserState } from '../../src/domain/user-state-codec.js';

export function referenceStates(
  events: readonly UserEvent[],
  tracks: ReadonlyMap<string, Track>,
  params: LearningParams,
): Map<string, UserState> {
  const states = new Map<string, UserState>();
  const seen = new Set<string>();
  for (const e of events) {
    if (seen.has(e.eventId)) continue; // a resent event is applied once
    seen.add(e.eventId);
    let s = states.get(e.userId);
    if (!s) states.set(e.userId, (s = initialUserState(e.userId, { replayCapacity: params.replayCapacity })));
    applyEvent(s, e, tracks.get(e.trackId) ?? null, params);
  }
  return states;
}

/**
 * A deterministic workload: `users` users with `perUser` events each over a synthetic
 * catalog, interleaved round-robin as a live stream would be, plus `resent` duplicates
 * of earlier events (same event id) as a retrying client would produce.
 */
export function workload(options: { users: number; perUser: number; tracks: number; resent: number }): {
  tracks: Track[];
  events: UserEvent[];
} {
  const tracks = syntheticTracks(options.tracks, 'crash-catalog');
  const perUser = Array.from({ length: options.users }, (_, u) =>
    syntheticEvents(`user-${u}`, tracks, options.perUser, `seed-${u}`).map(
      ([e]) => ({ ...e, eventId: `user-${u}-${e.eventId}` }) as UserEvent,
    ),
  );
  const events: UserEvent[] = [];
  for (let i = 0; i < options.perUser; i++) for (const list of perUser) events.push(list[i]);
  for (let k = 0; k < options.resent; k++) {
    const at = Math.floor(((k + 1) * events.length) / (options.resent + 1));
    events.splice(at, 0, events[Math.floor(at / 2)]);
  }
  return { tracks, events };
}

/**
 * Compares every persisted model with the reference, byte for byte (the codec is
 * deterministic); returns the user count and, for the first mismatch, both states decoded
 * so a failing test shows what differs.
 */
export async function compareWithReference(
  db: Pool,
  reference: ReadonlyMap<string, UserState>,
): Promise<{ users: number; mismatched: string[]; first?: { persisted: UserState; expected: UserState | undefined } }> {
  const { rows } = await db.query<{ user_id: string; state: Buffer }>('SELECT user_id, state FROM music_rl_models');
  const bad = rows.filter((r) => {
    const expected = reference.get(r.user_id);
    return !expected || !Buffer.from(encodeUserState(expected)).equals(r.state);
  });
  const first = bad[0] && { persisted: decodeUserState(bad[0].state), expected: reference.get(bad[0].user_id) };
  return { users: rows.length, mismatched: bad.map((r) => r.user_id), first };
}
