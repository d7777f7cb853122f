/**
 * Charts of a simulation result: the learning curve (expected reward of the shown list per
 * round), the regret curve (cumulative regret against the catalog oracle) and the policies
 * side by side. Curves are averaged over windows of CURVE_WINDOW rounds: per-round means
 * over a handful of users are too noisy to read.
 */
import { PALETTE } from '../../reporting/charts/axis.js';
import { renderBarChart } from '../../reporting/charts/bar-chart.js';
import { renderLineChart } from '../../reporting/charts/line-chart.js';
import { windowMeans } from '../metrics/reward-curves.js';
import type { SimulationResult } from '../scenarios/simulation.scenario.js';

export const CURVE_WINDOW = 10;

const subtitle = (r: SimulationResult): string =>
  `${r.users} SIMULATED USERS X ${r.rounds} ROUNDS, ${r.shown} TRACKS SHOWN PER ROUND, SEED ${r.seed}`;

/** Window end rounds, labelled every other window. */
function windowLabels(r: SimulationResult): string[] {
  return Array.from({ length: Math.ceil(r.rounds / CURVE_WINDOW) }, (_, w) =>
    String(Math.min(r.rounds, (w + 1) * CURVE_WINDOW)),
  );
}

export function learningCurveChart(r: SimulationResult): Buffer {
  return renderLineChart({
    title: 'SIMULATION: LEARNING CURVE',
    subtitle: subtitle(r),
    xTitle: `ROUND (MEAN OF EACH ${CURVE_WINDOW} ROUNDS)`,
    yTitle: 'E[REWARD] OF THE SHOWN LIST',
    xLabels: windowLabels(r),
    xLabelEvery: 2,
    points: false,
    series: r.variants.map((v, k) => ({
      name: v.name.toUpperCase(),
      values: windowMeans(v.curves.reward, CURVE_WINDOW),
      color: PALETTE[k % PALETTE.length],
    })),
  });
}

export function regretCurveChart(r: SimulationResult): Buffer {
  const at = (series: readonly number[]): number[] =>
    windowLabels(r).map((label) => series[Number(label) - 1] ?? series[series.length - 1]);
  return renderLineChart({
    title: 'SIMULATION: CUMULATIVE REGRET',
    subtitle: subtitle(r),
    xTitle: 'ROUND',
    yTitle: 'CUMULATIVE REGRET VS CATALOG ORACLE',
    xLabels: windowLabels(r),
    xLabelEvery: 2,
    points: false,
    series: r.variants.map((v, k) => ({
      name: v.name.toUpperCase(),
      values: at(v.curves.cumulativeRegret),
      color: PALETTE[k % PALETTE.length],
    })),
  });
}

export function simulationAblationChart(r: SimulationResult): Buffer {
  return renderBarChart({
    title: 'SIMULATION: POLICIES SIDE BY SIDE',
    subtitle: `${r.users} USERS X ${r.rounds} ROUNDS, SEED ${r.seed}. LOWER IS BETTER`,
    xTitle: 'POLICY',
    yTitle: `CUMULATIVE OVER ${r.rounds} ROUNDS`,
    categories: r.variants.map((v) => v.name.toUpperCase()),
    series: [
      { name: 'REGRET VS ORACLE', values: r.variants.map((v) => v.cumulativeRegret.mean), color: PALETTE[0] },
      {
        name: 'REGRET VS BEST OF THE POOL',
        values: r.variants.map((v) => v.cumulativeCandidateRegret.mean),
        color: PALETTE[1],
      },
    ],
    format: (v) => v.toFixed(0),
  });
}
