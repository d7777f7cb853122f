/**
 * Charts of the next-play replay on real listening data: ablations and baselines side by
 * side, hit rate by the account's cold-start stage, the replayed events' reward
 * distribution per feedback type, and the engagement metrics against their goals.
 */
import type { EngagementSummary } from '../../analytics/engagement-summary.js';
import { COLD_START_STAGES } from '../../domain/cold-start.js';
import { COLORS, PALETTE } from '../../reporting/charts/axis.js';
import { renderBarChart } from '../../reporting/charts/bar-chart.js';
import type { NextPlayResult } from '../scenarios/next-play.scenario.js';

const subtitle = (r: NextPlayResult): string =>
  `LAST.FM 1K, ${r.counts.usersEvaluated} USERS, ${r.counts.points} EVALUATED PLAYS, SEED ${r.seed}`;
const three = (v: number): string => v.toFixed(3);
const STAGE_LABELS = { week_1: 'WEEK 1', weeks_2_4: 'WEEKS 2-4', month_2_plus: 'MONTH 2+' } as const;

export function nextPlayAblationChart(r: NextPlayResult): Buffer {
  const methods = Object.keys(r.methods);
  const metric = (k: 'artistHit10' | 'artistHit50' | 'trackHit50'): Array<number | null> =>
    methods.map((m) => (r.methods[m][k].n === 0 ? null : r.methods[m][k].mean));
  return renderBarChart({
    title: 'NEXT PLAY: ABLATIONS AND BASELINES',
    subtitle: subtitle(r),
    xTitle: 'METHOD (OURS, ONE CHANGE EACH, BASELINES)',
    yTitle: 'HIT RATE (MEAN OVER USERS)',
    categories: methods.map((m) => m.toUpperCase()),
    series: [
      { name: 'ARTIST HIT@10', values: metric('artistHit10'), color: PALETTE[0] },
      { name: 'ARTIST HIT@50', values: metric('artistHit50'), color: PALETTE[1] },
      { name: 'TRACK HIT@50 (TITLE MATCHES)', values: metric('trackHit50'), color: PALETTE[2] },
    ],
    format: three,
  });
}

export function hitRateByStageChart(r: NextPlayResult): Buffer {
  const methods = Object.keys(r.methods);
  return renderBarChart({
    title: 'NEXT PLAY: HIT RATE BY COLD-START STAGE',
    subtitle: subtitle(r),
    xTitle: 'ACCOUNT AGE AT THE EVALUATED PLAY',
    yTitle: 'ARTIST HIT@50',
    categories: COLD_START_STAGES.map((s) => `${STAGE_LABELS[s]} (${r.byStage[s].points} PLAYS)`),
    series: methods.map((m, k) => ({
      name: m.toUpperCase(),
      values: COLD_START_STAGES.map((s) => {
        const x = r.byStage[s].methods[m].artistHit50;
        return x.n === 0 ? null : x.mean;
      }),
      color: PALETTE[k % PALETTE.length],
    })),
    format: three,
  });
}

export function rewardDistributionChart(e: EngagementSummary): Buffer {
  const types = Object.keys(e.rewardsByFeedback);
  const first = types.length > 0 ? e.rewardsByFeedback[types[0]].histogram : { start: -2, width: 0.25, counts: [] };
  return renderBarChart({
    title: 'REPLAYED EVENTS: REWARD BY FEEDBACK TYPE',
    subtitle: types.map((t) => `${t.toUpperCase()} ${e.rewardsByFeedback[t].count}`).join(', '),
    xTitle: `FINAL REWARD (BINS OF ${first.width} FROM ${first.start})`,
    yTitle: '% OF THE TYPE',
    // Every other bin is named: 18 labels do not fit.
    categories: first.counts.map((_, b) => (b % 2 === 0 ? String(first.start + b * first.width) : '')),
    series: types.map((t, k) => {
      const s = e.rewardsByFeedback[t];
      return { name: t.toUpperCase(), values: s.histogram.counts.map((c) => (100 * c) / s.count), color: PALETTE[k] };
    }),
    format: (v) => (v >= 1 ? v.toFixed(0) : ''),
  });
}

export function engagementChart(e: EngagementSummary): Buffer {
  const goals = e.goals;
  const value = (v: number | null, metric: string): string =>
    v === null ? 'N/A' : metric === 'playedShare' ? `${(100 * v).toFixed(1)}%` : v.toFixed(2);
  return renderBarChart({
    title: 'ENGAGEMENT VS GOALS',
    subtitle: `${e.overall.users} USERS, ${e.overall.decisions} LISTS, ${e.overall.rewards} REWARDED EVENTS`,
    xTitle: 'METRIC: MEASURED (GOAL)',
    yTitle: '% OF THE GOAL',
    categories: goals.map(
      (g) =>
        `${g.label} ${value(g.value, g.metric)} (${g.comparison}${g.metric === 'playedShare' ? `${100 * g.target}%` : g.target})`,
    ),
    series: [
      {
        name: 'MEASURED AS % OF THE GOAL',
        values: goals.map((g) => (g.value === null ? null : (100 * g.value) / g.target)),
        color: PALETTE[0],
      },
    ],
    references: [{ label: 'GOAL (100%)', value: 100, color: COLORS.red }],
    format: (v) => `${v.toFixed(0)}%`,
  });
}
