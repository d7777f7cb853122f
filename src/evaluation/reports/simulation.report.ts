/** Markdown summary of a simulation result. */
import { CONVERGENCE_WINDOW, type SimulationResult } from '../scenarios/simulation.scenario.js';
import { num, table, withError } from './markdown.js';

export function simulationMarkdown(r: SimulationResult, catalog: string): string {
  const variants = table(
    [
      'policy',
      'ε',
      'replay',
      'learns',
      'cum. regret',
      'cum. E[reward]',
      'cum. realised reward',
      'cum. candidate regret',
      'explored',
      'genre entropy (bits)',
    ],
    r.variants.map((v) => [
      v.name,
      num(v.epsilon, 1),
      v.replay ? 'on' : 'off',
      v.learning,
      withError(v.cumulativeRegret, 1),
      withError(v.cumulativeReward, 1),
      withError(v.cumulativeRealisedReward, 1),
      withError(v.cumulativeCandidateRegret, 1),
      num(v.exploredShare, 3),
      withError(v.genreEntropyBits, 2),
    ]),
  );
  const windows =
    r.variants[0]?.regretByWindow.map((_, w) => `${w * CONVERGENCE_WINDOW + 1}–${(w + 1) * CONVERGENCE_WINDOW}`) ?? [];
  const convergence = table(
    ['policy', ...windows],
    r.variants.map((v) => [v.name, ...v.regretByWindow.map((x) => num(x, 2))]),
  );
  const paired = table(
    ['policy', 'cum. regret − learned (same users, same reaction draws)'],
    r.pairedVsLearned.map((p) => [p.variant, withError(p.cumulativeRegretDifference, 1)]),
  );
  const ope = table(
    ['target policy', 'truth', 'IPS', 'SNIPS', `IPS clipped at √n`, 'clipped', 'ESS', 'n'],
    r.ope.rows.map((o) => [
      o.target,
      num(o.truth),
      num(o.ips),
      num(o.snips),
      num(o.clippedIps),
      String(o.clipped),
      num(o.effectiveSampleSize, 0),
      String(o.n),
    ]),
  );
  return [
    `# Simulation: ${r.users} simulated users × ${r.rounds} rounds, ${r.shown} tracks shown per round (seed ${r.seed})`,
    `Catalog: ${catalog}. Regret is against the catalog oracle (the ${r.shown} best tracks of the whole catalog for the user); candidate regret against the best ${r.shown} of the round's own candidates. Means over users ± standard error.`,
    variants,
    `## Regret per round, mean per window of ${CONVERGENCE_WINDOW} rounds`,
    convergence,
    '## Paired differences against `learned`',
    'Negative means lower regret than `learned`.',
    paired,
    `## Off-policy estimates from \`${r.ope.loggingVariant}\`'s slot-1 logs (logging value ${num(r.ope.loggingValue)})`,
    ope,
    '',
  ].join('\n\n');
}
