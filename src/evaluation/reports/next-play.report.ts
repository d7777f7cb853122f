/** Markdown summary of a next-play result. */
import type { NextPlayResult } from '../scenarios/next-play.scenario.js';
import { MAX_POINTS_PER_USER, WARMUP_PLAYS } from '../scenarios/next-play.scenario.js';
import { COLD_START_STAGES } from '../../domain/cold-start.js';
import { table, withError } from './markdown.js';

export function nextPlayMarkdown(r: NextPlayResult, inputs: readonly string[]): string {
  const c = r.counts;
  const rows = Object.entries(r.methods).map(([m, s]) => [
    m,
    withError(s.artistHit10),
    withError(s.artistHit50),
    withError(s.artistRR),
    withError(s.trackHit10),
    withError(s.trackHit50),
    withError(s.trackRR),
  ]);
  return [
    `# Next play (Last.fm 1K, seed ${r.seed}${r.epsilon > 0 ? `, ours at ε = ${r.epsilon}` : ''})`,
    inputs.map((line) => `- ${line}`).join('\n'),
    `- users in log: ${c.usersInLog}; evaluated: ${c.usersEvaluated}; fewer than ${WARMUP_PLAYS + 1} matched plays: ${c.usersTooFewPlays}`,
    `- evaluated plays: ${c.points} (≤ ${MAX_POINTS_PER_USER} per user after a ${WARMUP_PLAYS}-play warm-up), of which ${c.titlePoints} matched by title (track metrics)`,
    '## Mean over users of the per-user mean (± standard error across users)',
    table(
      ['method', 'artist hit@10', 'artist hit@50', 'artist MRR', 'track hit@10', 'track hit@50', 'track MRR'],
      rows,
    ),
    '## Artist hit@50 by cold-start stage of the account at the evaluated play',
    table(
      ['method', ...COLD_START_STAGES.map((s) => `${s} (${r.byStage[s].users} users, ${r.byStage[s].points} plays)`)],
      Object.keys(r.methods).map((m) => [
        m,
        ...COLD_START_STAGES.map((s) => withError(r.byStage[s].methods[m].artistHit50)),
      ]),
    ),
    '',
  ].join('\n\n');
}
