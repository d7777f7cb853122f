/**
 * The demo's last phase: what the learned models recommend, fetched the way a client
 * would — through the HTTP gateway, which asks the recommender over Kafka request/reply.
 * Both run as child processes of their real entry points on the demo's config, for an
 * established user (learned from the stream), a brand-new user (cold start), and the
 * established user again (served from the cache).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLearner, type LearnerProcess } from './learner-process.js';

export interface RecommendationsContext {
  readonly repoRoot: string;
  readonly users: readonly string[];
  /** Environment of the demo's processes (schema, topic prefix, Redis prefix). */
  readonly env: NodeJS.ProcessEnv;
  readonly port: number;
  readonly say: (text: string) => void;
  readonly line: (text: string) => void;
  readonly now: () => number;
}

interface TrackJson {
  readonly name: string;
  readonly artists: readonly string[];
  readonly genres: readonly string[];
  readonly scores: Readonly<Record<string, number>>;
  readonly reason: string;
  readonly exploration: boolean;
}

interface RecommendationsJson {
  readonly tracks: readonly TrackJson[];
  readonly coldStartStage: string;
  readonly responseTimeMs: number;
  readonly fromCache: boolean;
  readonly totalCandidates: number;
}

export async function showRecommendations(ctx: RecommendationsContext): Promise<void> {
  const started: LearnerProcess[] = [];
  try {
    started.push(await start(ctx, 'recommender', 'recommender listening'));
    started.push(await start(ctx, 'gateway', 'gateway listening'));
    const established = ctx.users[0];
    const newcomer = `demo-newcomer-${ctx.now()}`;
    // The first ask bypasses the cache: a list cached by an earlier demo run predates this run's learning.
    await show(ctx, established, 'learned from the stream', true);
    await show(ctx, newcomer, 'brand-new user, no history', false);
    await show(ctx, established, 'asked again', false);
  } finally {
    for (const p of started.reverse()) await p.stop(10_000);
  }
}

async function start(
  ctx: RecommendationsContext,
  name: 'recommender' | 'gateway',
  readyMark: string,
): Promise<LearnerProcess> {
  const process = startLearner({
    entry: join(ctx.repoRoot, `dist/src/${name}/${name}.main.js`),
    env: { ...ctx.env, HTTP_PORT: String(ctx.port), KAFKA_CLIENT_ID: `music-rl-demo-${name}` },
    logFile: join(tmpdir(), `music-rl-demo-${name}.log`),
    readyMark,
  });
  await process.ready(90_000);
  ctx.say(`${name} running (pid ${process.pid}, log ${process.logFile})`);
  return process;
}

async function show(ctx: RecommendationsContext, userId: string, label: string, refresh: boolean): Promise<void> {
  const query = `limit=5${refresh ? '&refresh=true' : ''}`;
  const url = `http://127.0.0.1:${ctx.port}/v1/users/${encodeURIComponent(userId)}/recommendations?${query}`;
  const response = await fetch(url);
  if (!response.ok) {
    ctx.say(`${userId}: HTTP ${response.status} ${await response.text()}`);
    return;
  }
  const body = (await response.json()) as RecommendationsJson;
  ctx.line('');
  ctx.line(
    `${userId} (${label}) — stage ${body.coldStartStage}, ${body.totalCandidates} candidates, ` +
      `${body.responseTimeMs.toFixed(1)} ms${body.fromCache ? ', from cache' : ''}:`,
  );
  body.tracks.forEach((t, i) => {
    const s = t.scores;
    ctx.line(`  ${i + 1}. ${t.name} — ${t.artists.join(', ')} [${t.genres.slice(0, 2).join(', ')}]`);
    ctx.line(
      `     final ${s.final.toFixed(3)} = history ${s.historySimilarity.toFixed(2)} · personality ${s.personalityMatch.toFixed(2)} · ` +
        `diversity ${s.diversity.toFixed(2)} · novelty ${s.novelty.toFixed(2)} · RL ${s.rlAdjustment >= 0 ? '+' : ''}${s.rlAdjustment.toFixed(3)}` +
        `${t.exploration ? ' (exploration)' : ''} — ${t.reason}`,
    );
  });
}
