/** `evaluate simulation`: the real catalog, simulated users with known tastes. */
import { simulationMarkdown } from '../reports/simulation.report.js';
import { runSimulation } from '../scenarios/simulation.scenario.js';
import { catalogFrom, describeCatalog, type RunContext, type ScenarioOutput } from './run-context.js';

/** 10 users × 6 policies × 200 rounds ≈ 3 min on one core of the 114k-row catalog. */
export const DEFAULT_SIMULATED_USERS = 10;
/** Round 0 of every simulated account; fixed so results never depend on the clock. */
export const SIMULATION_START = Date.UTC(2024, 0, 1);
/** Tracks shown (and reacted to) per round: one screen of recommendations. */
export const SHOWN_PER_ROUND = 10;

export async function runSimulationScenario(ctx: RunContext): Promise<ScenarioOutput> {
  const { catalog, summary } = await catalogFrom(ctx);
  const users = ctx.users ?? DEFAULT_SIMULATED_USERS;
  const progress = ctx.progress('simulated users');
  const result = runSimulation({
    index: catalog.index,
    users,
    rounds: ctx.rounds,
    shown: SHOWN_PER_ROUND,
    seed: ctx.seed,
    start: SIMULATION_START,
    onUserDone: (done, total) => progress.update(done, total),
  });
  progress.finish();
  return {
    json: { scenario: 'simulation', seed: ctx.seed, catalog: summary, result },
    markdown: simulationMarkdown(result, describeCatalog(summary)),
  };
}
