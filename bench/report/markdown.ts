/** bench/results/<profile>.md: the run as tables a reader can check against the targets. */
import type { Chart } from './charts.js';
import { eventPath, recPath, table } from './markdown-sections.js';
import type { BenchResults } from './results.js';

export function renderMarkdown(r: BenchResults, charts: readonly Chart[]): string {
  const m = r.machine;
  return [
    `# Benchmark results: ${r.profile} run`,
    '',
    `${r.startedAt}, ${Math.round(r.durationSeconds)} s. Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.os}; ` +
      `load average ${m.loadAtStart.join(' / ')} at start, ${r.loadAtEnd.join(' / ')} at end (shared with other engineers' tests). ` +
      `Node ${m.node}, ${m.java}, Kafka ${m.kafka}, ${m.postgres}, Redis ${m.redis}. Code: ${m.commit}.`,
    '',
    '## Targets',
    '',
    ...table(
      ['target', 'goal', 'measured', ''],
      r.targets.map((t) => [t.target, t.goal, t.measured, t.pass === null ? '—' : t.pass ? 'pass' : '**miss**']),
    ),
    '',
    ...eventPath(r),
    ...recPath(r),
    ...(r.errors.length ? ['## Errors', '', ...r.errors.map((e) => `- ${e.scenario}: ${e.error}`), ''] : []),
    '## Charts',
    '',
    ...charts.flatMap((c) => [`![${c.title}](${c.file})`, '']),
  ].join('\n');
}
