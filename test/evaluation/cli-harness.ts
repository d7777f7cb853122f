/** Runs the evaluate CLI in-process on the fixture data, capturing its output. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runEvaluate } from '../../src/evaluation/evaluate.cli.js';

export const FIXTURE_DATA = fileURLToPath(new URL('../fixtures/evaluation/data', import.meta.url));

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly json: string;
  readonly markdown: string;
}

/** `output` names the files when the run writes them under another name than the scenario's. */
export async function evaluateOnFixture(
  scenario: string,
  extra: readonly string[] = [],
  output = scenario,
): Promise<CliRun> {
  const out = await mkdtemp(join(tmpdir(), 'evaluation-'));
  let stdout = '';
  let stderr = '';
  try {
    const code = await runEvaluate([scenario, '--data', FIXTURE_DATA, '--out', out, ...extra], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
    });
    const read = (ext: string): Promise<string> => readFile(join(out, `${output}.${ext}`), 'utf8').catch(() => '');
    return { code, stdout, stderr, json: await read('json'), markdown: await read('md') };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
