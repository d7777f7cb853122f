/**
 * `evaluate next-play`: replays Last.fm 1K users' plays through the reducer. It needs the
 * Last.fm log reader and catalog matcher of src/lastfm, which has not landed yet.
 */
import type { RunContext, ScenarioOutput } from './run-context.js';

export class PendingScenarioError extends Error {
  readonly retriable = false;
  override readonly name = 'PendingScenarioError';
}

export async function runNextPlayScenario(_ctx: RunContext): Promise<ScenarioOutput> {
  throw new PendingScenarioError('next-play needs src/lastfm (pending)');
}
