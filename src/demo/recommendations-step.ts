/**
 * The demo's last phase: show what the learned models recommend, through the HTTP
 * gateway. The recommender and gateway are being built separately; until the gateway's
 * entry point exists this phase prints one line and is skipped. To wire it in, start the
 * gateway against the demo's config here and print a few recommendations per user.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where the gateway's compiled entry point is expected (by the folder convention of STYLE.md). */
export const GATEWAY_ENTRY = join('dist', 'src', 'gateway', 'gateway.main.js');

export interface RecommendationsContext {
  readonly repoRoot: string;
  readonly users: readonly string[];
  readonly say: (text: string) => void;
  readonly exists?: (path: string) => boolean;
}

export async function showRecommendations(ctx: RecommendationsContext): Promise<'shown' | 'skipped'> {
  const exists = ctx.exists ?? existsSync;
  if (!exists(join(ctx.repoRoot, GATEWAY_ENTRY))) {
    ctx.say(`skipped — no HTTP gateway yet (${GATEWAY_ENTRY}); learned models are in Postgres and Redis`);
    return 'skipped';
  }
  ctx.say(`skipped — ${GATEWAY_ENTRY} exists but the demo does not call it yet (src/demo/recommendations-step.ts)`);
  return 'skipped';
}
