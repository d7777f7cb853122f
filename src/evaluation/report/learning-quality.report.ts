/** The Markdown of `evaluate report`: every chart with the numbers behind it and how to reproduce. */
import type { EngagementSummary } from '../../analytics/engagement-summary.js';
import { COLD_START_STAGES } from '../../domain/cold-start.js';
import { num, table, withError } from '../reports/markdown.js';
import type { NextPlayResult } from '../scenarios/next-play.scenario.js';
import type { SimulationResult } from '../scenarios/simulation.scenario.js';

export interface ReportInput {
  readonly seed: string;
  readonly inputs: readonly string[];
  readonly command: string;
  readonly simulation: SimulationResult;
  readonly nextPlay: NextPlayResult;
  readonly engagement: EngagementSummary;
  /** Chart files by role, relative to the report. */
  readonly charts: Readonly<
    Record<'learning' | 'regret' | 'policies' | 'ablations' | 'stages' | 'rewards' | 'engagement', string>
  >;
}

const image = (title: string, file: string): string => `![${title}](${file})`;
const share = (v: number | null): string => (v === null ? 'n/a' : `${(100 * v).toFixed(1)} %`);
const value = (v: number | null, digits = 2): string => (v === null ? 'n/a' : v.toFixed(digits));

function simulationSection(r: SimulationResult, c: ReportInput['charts']): string[] {
  const paired = new Map(r.pairedVsLearned.map((p) => [p.variant, p.cumulativeRegretDifference]));
  return [
    `## Simulation: does it learn? (${r.users} users × ${r.rounds} rounds, known tastes)`,
    image('learning curve', c.learning),
    image('regret curve', c.regret),
    image('policies side by side', c.policies),
    table(
      ['policy', 'cum. regret', 'cum. E[reward]', 'regret/round first → last window', 'vs learned (paired)'],
      r.variants.map((v) => [
        v.name,
        withError(v.cumulativeRegret, 1),
        withError(v.cumulativeReward, 1),
        `${num(v.regretByWindow[0], 2)} → ${num(v.regretByWindow[v.regretByWindow.length - 1], 2)}`,
        paired.has(v.name) ? withError(paired.get(v.name) ?? { mean: NaN, stderr: NaN, n: 0 }, 1) : '–',
      ]),
    ),
  ];
}

function nextPlaySection(r: NextPlayResult, c: ReportInput['charts']): string[] {
  const methods = Object.keys(r.methods);
  return [
    `## Real listening data: next play (${r.counts.usersEvaluated} users, ${r.counts.points} evaluated plays)`,
    image('ablations and baselines', c.ablations),
    table(
      ['method', 'artist hit@10', 'artist hit@50', 'artist MRR', 'track hit@50'],
      methods.map((m) => {
        const s = r.methods[m];
        return [m, withError(s.artistHit10), withError(s.artistHit50), withError(s.artistRR), withError(s.trackHit50)];
      }),
    ),
    '### By cold-start stage',
    image('hit rate by cold-start stage', c.stages),
    table(
      ['method', ...COLD_START_STAGES.map((s) => `${s} (${r.byStage[s].users} users, ${r.byStage[s].points} plays)`)],
      methods.map((m) => [m, ...COLD_START_STAGES.map((s) => withError(r.byStage[s].methods[m].artistHit50))]),
    ),
  ];
}

function engagementSection(e: EngagementSummary, c: ReportInput['charts']): string[] {
  const o = e.overall;
  return [
    '## Replayed events: reward by feedback type',
    image('reward distribution', c.rewards),
    table(
      ['feedback type', 'events', 'mean reward', 'min', 'max'],
      Object.entries(e.rewardsByFeedback).map(([t, s]) => [t, String(s.count), num(s.mean), num(s.min), num(s.max)]),
    ),
    '## Engagement vs goals',
    "`ours`'s lists at the evaluated plays are the recommendations; every replayed event is a reward record (the engagement reducer of src/analytics, as the consumer runs it on the topics).",
    "Read with care. The listening was recorded without our recommendations: a recommended track played later is a coincidence of taste, not a response, and the new artists are the listeners' own discoveries. Last.fm only records a play once enough of it was heard, so skips are rare in this log (inferred from short gaps) and the played share is high by construction. Only the genre entropy describes our lists themselves. The goals are for live traffic, where the consumer reads real reactions to served lists.",
    image('engagement vs goals', c.engagement),
    table(
      ['metric', 'measured', 'goal', 'met'],
      [
        ...e.goals.map((g) => [
          g.label,
          g.metric === 'playedShare' ? share(g.value) : value(g.value),
          `${g.comparison} ${g.metric === 'playedShare' ? `${100 * g.target} %` : g.target}`,
          g.met === null ? 'n/a' : g.met ? 'yes' : '**no**',
        ]),
        ['skip rate (of listens)', share(o.skipRate), '–', '–'],
        ['save rate (of listens)', share(o.saveRate), '–', '–'],
      ],
    ),
    `Counts: ${o.recommendedTracks} distinct recommended tracks, ${o.recommendedListened} of them listened to after the recommendation (${o.recommendedPlayed} played first); ${o.newArtists} new artists over ${o.discoveryMonths} user-months after each user's first; ${o.listens} listens.`,
  ];
}

export function learningQualityMarkdown(r: ReportInput): string {
  return [
    `# Learning quality (seed ${r.seed})`,
    r.inputs.map((line) => `- ${line}`).join('\n'),
    ...simulationSection(r.simulation, r.charts),
    ...nextPlaySection(r.nextPlay, r.charts),
    ...engagementSection(r.engagement, r.charts),
    '## Reproduce',
    `\`${r.command}\` (same arguments and seed → identical numbers and charts).`,
    '',
  ].join('\n\n');
}
