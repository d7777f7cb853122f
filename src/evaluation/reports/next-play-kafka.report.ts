/** Markdown summary of next-play through Kafka against the same replay in process. */
import { COLD_START_STAGES } from '../../domain/cold-start.js';
import type { ThroughKafkaResult } from '../kafka/through-kafka.js';
import type { NextPlayResult } from '../scenarios/next-play.scenario.js';
import { table, withError } from './markdown.js';

function row(label: string, r: NextPlayResult): string[] {
  const s = r.methods.ours;
  return [
    label,
    ...[s.artistHit10, s.artistHit50, s.artistRR, s.trackHit10, s.trackHit50, s.trackRR].map((m) => withError(m)),
  ];
}

export function nextPlayKafkaMarkdown(
  r: ThroughKafkaResult,
  o: { seed: string; epsilon: number; inputs: readonly string[] },
): string {
  const p = r.parity;
  const c = r.throughKafka.counts;
  const verdict = p.identical
    ? `**Identical**: every metric (Object.is) and all ${p.listsCompared} served lists equal the in-process replay's.`
    : `**DIFFERENT**: metrics ${p.metricsIdentical ? 'equal' : 'differ'}; ${p.listsDiffering} of ${p.listsCompared} lists differ (e.g. ${p.differingSamples.join(', ') || '–'}), ${p.listsMissing} missing.`;
  return [
    `# Next play through Kafka (Last.fm 1K, seed ${o.seed}, ours at ε = ${o.epsilon})`,
    o.inputs.map((line) => `- ${line}`).join('\n'),
    `- catalog as the recommender loads it from the replay schema: ${r.tracks} tracks`,
    `- users: ${c.usersInLog}, evaluated ${c.usersEvaluated}; evaluated plays ${c.points} (${c.titlePoints} title-matched)`,
    "Events produced to the user-events topic and applied by the event processor (child process); before each evaluated play, once everything before it was applied, the recommender (child process, ranking at the request's requested_at) was asked over Kafka request/reply with the point's request id.",
    verdict,
    table(
      ['ours', 'artist hit@10', 'artist hit@50', 'artist MRR', 'track hit@10', 'track hit@50', 'track MRR'],
      [row('in process', r.inProcess), row('through Kafka', r.throughKafka)],
    ),
    '## Artist hit@50 by cold-start stage',
    table(
      ['ours', ...COLD_START_STAGES.map((s) => `${s} (${r.throughKafka.byStage[s].points} plays)`)],
      [
        ['in process', ...COLD_START_STAGES.map((s) => withError(r.inProcess.byStage[s].methods.ours.artistHit50))],
        [
          'through Kafka',
          ...COLD_START_STAGES.map((s) => withError(r.throughKafka.byStage[s].methods.ours.artistHit50)),
        ],
      ],
    ),
    '',
  ].join('\n\n');
}
