/**
 * `evaluate report`: the simulation and the next-play replay on one catalog load, engagement
 * analytics over the replay's records, and the charts (PNG, evaluation-*.png) with a Markdown
 * report. --users limits both the simulated users and the Last.fm users.
 */
import type { TrackFacts } from '../../analytics/engagement-record.js';
import { applyEngagementRecord, initialEngagementState } from '../../analytics/engagement-state.js';
import { summariseEngagement } from '../../analytics/engagement-summary.js';
import type { CatalogIndex } from '../../domain/catalog-index.js';
import { learningQualityMarkdown, type ReportInput } from '../report/learning-quality.report.js';
import {
  engagementChart,
  hitRateByStageChart,
  nextPlayAblationChart,
  rewardDistributionChart,
} from '../report/next-play-charts.js';
import { learningCurveChart, regretCurveChart, simulationAblationChart } from '../report/simulation-charts.js';
import { runNextPlay } from '../scenarios/next-play.scenario.js';
import { runSimulation } from '../scenarios/simulation.scenario.js';
import { describePlays, readPlans } from './next-play.runner.js';
import { catalogFrom, describeCatalog, type RunContext, type ScenarioOutput } from './run-context.js';
import { DEFAULT_SIMULATED_USERS, SHOWN_PER_ROUND, SIMULATION_START } from './simulation.runner.js';

const CHARTS: ReportInput['charts'] = {
  learning: 'evaluation-learning-curve.png',
  regret: 'evaluation-regret-curve.png',
  policies: 'evaluation-simulation-policies.png',
  ablations: 'evaluation-next-play-ablations.png',
  stages: 'evaluation-hit-rate-by-stage.png',
  rewards: 'evaluation-reward-distribution.png',
  engagement: 'evaluation-engagement.png',
};

function trackFacts(index: CatalogIndex): (trackId: string) => TrackFacts | undefined {
  return (id) => {
    const i = index.idToIndex.get(id);
    return i === undefined ? undefined : index.tracks[i];
  };
}

export async function runReport(ctx: RunContext): Promise<ScenarioOutput> {
  const { catalog, summary } = await catalogFrom(ctx);
  const index = catalog.index;
  const users = ctx.progress('simulated users');
  const simulation = runSimulation({
    index,
    users: ctx.users ?? DEFAULT_SIMULATED_USERS,
    rounds: ctx.rounds,
    shown: SHOWN_PER_ROUND,
    seed: ctx.seed,
    start: SIMULATION_START,
    onUserDone: (d, t) => users.update(d, t),
  });
  users.finish();
  const { plans, plays } = await readPlans(ctx, index);
  const facts = trackFacts(index);
  const state = initialEngagementState();
  const replay = ctx.progress('Last.fm users');
  const nextPlay = runNextPlay({
    index,
    plans,
    seed: ctx.seed,
    onRecord: (r) => applyEngagementRecord(state, r, { trackFacts: facts }),
    onUserDone: (d, t) => replay.update(d, t),
  });
  replay.finish();
  const engagement = summariseEngagement(state, facts);
  const files = [
    { name: CHARTS.learning, bytes: learningCurveChart(simulation) },
    { name: CHARTS.regret, bytes: regretCurveChart(simulation) },
    { name: CHARTS.policies, bytes: simulationAblationChart(simulation) },
    { name: CHARTS.ablations, bytes: nextPlayAblationChart(nextPlay) },
    { name: CHARTS.stages, bytes: hitRateByStageChart(nextPlay) },
    { name: CHARTS.rewards, bytes: rewardDistributionChart(engagement) },
    { name: CHARTS.engagement, bytes: engagementChart(engagement) },
  ];
  const command = `npm run evaluate -- report --seed ${ctx.seed}${ctx.users ? ` --users ${ctx.users}` : ''} --rounds ${ctx.rounds}`;
  const inputs = [describeCatalog(summary), describePlays(plays)];
  return {
    name: 'report',
    json: { scenario: 'report', seed: ctx.seed, inputs: { catalog: summary, plays }, simulation, nextPlay, engagement },
    markdown: learningQualityMarkdown({
      seed: ctx.seed,
      inputs,
      command,
      simulation,
      nextPlay,
      engagement,
      charts: CHARTS,
    }),
    files,
  };
}
