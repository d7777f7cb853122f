/**
 * `evaluate report` on the fixture: every chart is a 960×600 PNG linked from report.md, the
 * engagement numbers of the replay are exact (user_000001: 60 plays, 39 of them repeats, 10
 * evaluated plays whose lists hold the whole 28-track catalog), and a second run is
 * byte-identical, charts included.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEvaluate } from '../../src/evaluation/evaluate.cli.js';
import { FIXTURE_DATA } from './cli-harness.js';

async function report(): Promise<{ code: number; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'evaluation-report-'));
  const quiet = { write: () => true };
  const code = await runEvaluate(['report', '--data', FIXTURE_DATA, '--out', dir, '--users', '2', '--rounds', '30'], {
    stdout: quiet,
    stderr: quiet,
  });
  return { code, dir };
}

describe('evaluate report (fixture)', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('writes the charts, the Markdown and exact engagement numbers, identically for a seed', async () => {
    const first = await report();
    const second = await report();
    dirs.push(first.dir, second.dir);
    expect([first.code, second.code]).toEqual([0, 0]);
    const files = (await readdir(first.dir)).sort();
    const charts = files.filter((f) => f.endsWith('.png'));
    expect(charts).toHaveLength(7);
    const markdown = await readFile(join(first.dir, 'report.md'), 'utf8');
    for (const chart of charts) {
      const png = await readFile(join(first.dir, chart));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([960, 600]);
      expect(markdown).toContain(`](${chart})`);
      expect(png.equals(await readFile(join(second.dir, chart)))).toBe(true);
    }
    const json = await readFile(join(first.dir, 'report.json'), 'utf8');
    expect(json).toBe(await readFile(join(second.dir, 'report.json'), 'utf8'));
    const { engagement } = JSON.parse(json) as {
      engagement: { overall: Record<string, unknown>; rewardsByFeedback: object };
    };
    expect(engagement.overall).toMatchObject({
      users: 1,
      rewards: 99,
      decisions: 10,
      recommendedTracks: 28,
      listens: 60,
      recommendedListened: 6, // the distinct tracks of plays 50–59, all in every list
      recommendedPlayed: 6,
      playedShare: 1,
      skipRate: 0,
      newArtistsPerMonth: null,
    });
    expect(Object.keys(engagement.rewardsByFeedback)).toEqual(['play', 'repeat']);
  });
});
