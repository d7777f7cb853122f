/**
 * Session start: make sure the user exists (created_at = now starts cold start), sync the
 * Spotify history when a user token is given and the last sync is older than the max age,
 * and wait (bounded) for the learner to apply the synced plays so the first list reflects
 * them. Recommending is the caller's next step (the gateway asks the recommender).
 *
 * Spotify failing never fails the session — except a rejected user token, which the client
 * must fix (SpotifyTokenExpiredError with tokenKind 'user' is rethrown). The token is only
 * passed to the Spotify client; it is never stored or logged here.
 */
import type { Logger } from '../infra/logging/logger.js';
import type { Executor } from '../infra/postgres/pool.js';
import { countAppliedEvents } from '../infra/postgres/listening-history.repository.js';
import { markSpotifySynced, openUserSession, type UserSessionRow } from '../infra/postgres/user-session.repository.js';
import { messageOf, SpotifyError, SpotifyTokenExpiredError } from '../spotify/spotify.error.js';
import type { FetchedListening, SpotifySync, SyncReport } from './spotify-sync.js';

export type SyncStatus = 'synced' | 'no-token' | 'recent' | 'unavailable';

export interface SessionOutcome {
  readonly userId: string;
  readonly created: boolean;
  readonly createdAt: number;
  readonly spotify: {
    readonly status: SyncStatus;
    /** Epoch ms of the last successful sync (this one when status is 'synced'). */
    readonly syncedAt: number | null;
    readonly report: SyncReport | null;
    /** Whether the learner applied the synced plays within the wait; null when nothing was synced. */
    readonly historyApplied: boolean | null;
  };
  readonly warnings: readonly string[];
}

export interface SessionSettings {
  readonly syncMaxAgeMs: number;
  readonly spotifyTimeoutMs: number;
  readonly learnerWaitMs: number;
  /** Poll interval while waiting for the learner. */
  readonly pollMs?: number;
}

export interface SessionDeps {
  readonly db: Executor;
  readonly sync: Pick<SpotifySync, 'fetch' | 'store'>;
  readonly lists: { invalidate(userId: string): Promise<void> };
  readonly settings: SessionSettings;
  readonly log: Logger;
}

type Fetched =
  { readonly ok: true; readonly listening: FetchedListening } | { readonly ok: false; readonly why: string };

export class SessionService {
  constructor(private readonly deps: SessionDeps) {}

  async start(userId: string, spotifyAccessToken: string | null, now: number): Promise<SessionOutcome> {
    const user = await openUserSession(this.deps.db, userId, now);
    const base = { userId, created: user.created, createdAt: user.createdAt };
    const skipped = this.skipReason(user, spotifyAccessToken, now);
    if (skipped) return { ...base, spotify: { ...skipped, report: null, historyApplied: null }, warnings: [] };
    const fetched = await this.fetch({ userId, accessToken: spotifyAccessToken as string });
    if (!fetched.ok) {
      const spotify = {
        status: 'unavailable',
        syncedAt: user.spotifySyncedAt,
        report: null,
        historyApplied: null,
      } as const;
      return { ...base, spotify, warnings: [`Spotify history not synced: ${fetched.why}`] };
    }
    const report = await this.deps.sync.store(userId, fetched.listening, now);
    await markSpotifySynced(this.deps.db, userId, now);
    await this.deps.lists.invalidate(userId);
    const historyApplied = await this.waitForLearner(report.eventIds);
    const warnings = [
      ...(report.audioFeatures?.reason ? [`audio features from our catalog: ${report.audioFeatures.reason}`] : []),
      ...(historyApplied ? [] : ['the synced plays are still being processed; refresh recommendations shortly']),
    ];
    return { ...base, spotify: { status: 'synced', syncedAt: now, report, historyApplied }, warnings };
  }

  /**
   * Drops a list computed before the learner applied the synced plays, so the next request
   * recomputes with them. Best effort: the list itself is valid output, so a failure is logged.
   */
  async dropEarlyList(userId: string): Promise<void> {
    try {
      await this.deps.lists.invalidate(userId);
    } catch (error) {
      this.deps.log.warn({ userId, err: error }, 'could not drop the list computed before the sync was applied');
    }
  }

  private skipReason(user: UserSessionRow, token: string | null, now: number) {
    if (token === null) return { status: 'no-token', syncedAt: user.spotifySyncedAt } as const;
    const fresh = user.spotifySyncedAt !== null && now - user.spotifySyncedAt < this.deps.settings.syncMaxAgeMs;
    return fresh ? ({ status: 'recent', syncedAt: user.spotifySyncedAt } as const) : null;
  }

  /** Bounded by spotifyTimeoutMs; a late answer is dropped (its rejection is handled by the race). */
  private async fetch(user: { userId: string; accessToken: string }): Promise<Fetched> {
    const ms = this.deps.settings.spotifyTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<Fetched>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, why: `Spotify did not answer within ${ms} ms` }), ms);
    });
    const call = this.deps.sync.fetch(user).then(
      (listening): Fetched => ({ ok: true, listening }),
      (error: unknown): Fetched => this.fetchFailed(user.userId, error),
    );
    try {
      return await Promise.race([call, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private fetchFailed(userId: string, error: unknown): Fetched {
    if (error instanceof SpotifyTokenExpiredError && error.tokenKind === 'user') throw error;
    if (!(error instanceof SpotifyError)) throw error;
    this.deps.log.warn({ userId, err: error }, 'spotify sync failed; session continues without it');
    return { ok: false, why: messageOf(error) };
  }

  /** In order per user: once every synced event id has its interaction row, the history includes them all. */
  private async waitForLearner(eventIds: readonly string[]): Promise<boolean> {
    const { learnerWaitMs, pollMs = 50 } = this.deps.settings;
    const deadline = Date.now() + learnerWaitMs;
    for (;;) {
      if ((await countAppliedEvents(this.deps.db, eventIds)) === eventIds.length) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
}
