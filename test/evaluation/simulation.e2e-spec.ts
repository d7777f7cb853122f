/** The simulation scenario end to end on the fixture catalog, through the CLI entry point. */
import { evaluateOnFixture } from './cli-harness.js';

interface SimulationJson {
  catalog: { rows: number; badRows: number; tracks: number };
  result: {
    users: number;
    rounds: number;
    variants: { name: string; curves: { regret: number[] }; regretByWindow: number[] }[];
    ope: { rows: { target: string; n: number }[] };
  };
}

describe('evaluate simulation (fixture)', () => {
  it('runs every policy variant, logs OPE decisions and is byte-identical for a seed', async () => {
    const run = await evaluateOnFixture('simulation', ['--users', '2', '--rounds', '12', '--seed', '5']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.json) as SimulationJson;
    expect(json.catalog).toMatchObject({ rows: 29, badRows: 1, tracks: 28 });
    expect(json.result.variants.map((v) => v.name)).toEqual([
      'learned',
      'eps-0',
      'eps-0.3',
      'no-replay',
      'no-learning',
      'static',
    ]);
    for (const v of json.result.variants) {
      expect(v.curves.regret).toHaveLength(12);
      expect(v.regretByWindow).toHaveLength(1);
    }
    expect(json.result.ope.rows.map((r) => r.n)).toEqual([24, 24, 24, 24]);
    expect(run.markdown).toContain('# Simulation: 2 simulated users × 12 rounds');
    expect(run.stderr).toMatch(/simulated users: 2 \/ 2/);
    const again = await evaluateOnFixture('simulation', ['--users', '2', '--rounds', '12', '--seed', '5']);
    expect(again.json).toBe(run.json);
  });

  it('fails with exit 1 and a clear message when an input is missing', async () => {
    const run = await evaluateOnFixture('heldout-artists', ['--data', '/nonexistent']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no catalog file under \/nonexistent/);
  });

  it('fails with exit 2 on a bad command line', async () => {
    const run = await evaluateOnFixture('simulation', ['--users', 'many']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/usage: npm run evaluate/);
  });
});
