/** The run's PNG charts: cost as work grows (users, catalog size) and recommendation load. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLORS, renderLineChart, shortNumber } from '../../src/reporting/charts/line-chart.js';
import type { ThroughputResult } from '../event-path/throughput.scenario.js';
import { processesOf, type BenchResults } from './results.js';

export interface Chart {
  readonly file: string;
  readonly title: string;
}

const subtitle = (r: BenchResults): string =>
  `${r.profile.toUpperCase()} RUN ${r.startedAt.slice(0, 10)}, ${r.machine.cores} CORES, LOAD ${r.machine.loadAtStart[0]}`;

export function writeCharts(r: BenchResults, dir: string): Chart[] {
  const charts: Array<Chart & { png: Buffer | null }> = [
    { file: `${r.profile}-events-vs-users.png`, title: 'Event path: events/s vs users', png: eventsVsUsers(r) },
    {
      file: `${r.profile}-latency-vs-catalog.png`,
      title: 'Uncached latency vs catalog size',
      png: latencyVsCatalog(r),
    },
    { file: `${r.profile}-recommendations.png`, title: 'Recommendations: requests/s vs concurrency', png: recLoad(r) },
  ];
  return charts.flatMap(({ file, title, png }) => {
    if (!png) return [];
    writeFileSync(join(dir, file), png);
    return [{ file, title }];
  });
}

/**
 * Our rate only: Kafka's consumer is 20–700× faster and would flatten it; its range is in the subtitle.
 * One learner process per users series; rows with more processes are a series each, at their user count.
 */
function eventsVsUsers(r: BenchResults): Buffer | null {
  const all = r.eventPath.scales;
  if (all.length === 0) return null;
  const users = [...new Set(all.map((s) => s.users))].sort((a, b) => a - b);
  const single = all.filter((s) => processesOf(s) === 1);
  const at = (rows: readonly ThroughputResult[], pick: (s: ThroughputResult) => number): Array<number | null> =>
    users.map((u) => {
      const row = rows.find((s) => s.users === u);
      return row ? pick(row) : null;
    });
  const several = [...new Set(all.map(processesOf))].filter((p) => p > 1).sort((a, b) => a - b);
  const extraColors = [COLORS.green, COLORS.purple];
  const ceiling = all.map((s) => s.kafka.fetchMessagesPerSecond);
  return renderLineChart({
    title: 'EVENT PATH: SUSTAINED EVENTS/S VS USERS',
    subtitle: `${subtitle(r)}, KAFKA CONSUMER ${shortNumber(Math.min(...ceiling))}-${shortNumber(Math.max(...ceiling))} MSG/S`,
    xTitle: `USERS (${shortNumber(all[0].events)} EVENTS EACH RUN)`,
    yTitle: 'EVENTS/S (PRODUCE TO DURABLE)',
    xLabels: users.map(shortNumber),
    series: [
      { name: 'SUSTAINED (10-100 % DURABLE)', values: at(single, (s) => s.eventsPerSecond), color: COLORS.blue },
      { name: 'COLD (FROM PROCESS START)', values: at(single, (s) => s.coldEventsPerSecond), color: COLORS.orange },
      ...several.map((p, i) => ({
        name: `SUSTAINED, ${p} LEARNER PROCESSES`,
        values: at(
          all.filter((s) => processesOf(s) === p),
          (s) => s.eventsPerSecond,
        ),
        color: extraColors[i % extraColors.length],
      })),
    ],
    references: [{ label: 'TARGET 30K EVENTS/S', value: 30_000, color: COLORS.red }],
  });
}

function latencyVsCatalog(r: BenchResults): Buffer | null {
  const points = [...r.catalogSizes].sort((a, b) => a.tracks - b.tracks);
  if (points.length === 0) return null;
  const none = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v);
  return renderLineChart({
    title: 'UNCACHED RECOMMENDATION LATENCY VS CATALOG',
    subtitle: subtitle(r),
    xTitle: 'CATALOG TRACKS',
    yTitle: 'MILLISECONDS',
    xLabels: points.map((p) => `${shortNumber(p.tracks)}${p.source === 'generated' ? ' GEN' : ''}`),
    series: [
      { name: 'KAFKA ROUND TRIP P99 (C=1)', values: points.map((p) => none(p.kafkaMs?.p99)), color: COLORS.red },
      { name: 'KAFKA ROUND TRIP P50 (C=1)', values: points.map((p) => none(p.kafkaMs?.p50)), color: COLORS.orange },
      { name: 'ENGINE ALONE P99', values: points.map((p) => none(p.engineMs.p99)), color: COLORS.purple },
      { name: 'ENGINE ALONE P50', values: points.map((p) => none(p.engineMs.p50)), color: COLORS.blue },
    ],
    references: [{ label: 'TARGET P99 50 MS', value: 50, color: COLORS.green }],
  });
}

function recLoad(r: BenchResults): Buffer | null {
  const rec = r.recPath;
  if (!rec || rec.cells.length === 0) return null;
  const levels = [...new Set(rec.cells.map((c) => c.concurrency))].sort((a, b) => a - b);
  const line = (path: 'kafka' | 'http', mode: 'cached' | 'uncached'): Array<number | null> =>
    levels.map(
      (c) =>
        rec.cells.find((x) => x.path === path && x.mode === mode && x.concurrency === c)?.requestsPerSecond ?? null,
    );
  return renderLineChart({
    title: 'RECOMMENDATIONS: REQUESTS/S VS CONCURRENCY',
    subtitle: `${subtitle(r)}, ${shortNumber(rec.catalog.tracks)} TRACKS`,
    xTitle: 'CONCURRENT CLIENTS (CLOSED LOOP)',
    yTitle: 'REQUESTS/S',
    xLabels: levels.map(String),
    series: [
      { name: 'KAFKA CACHED', values: line('kafka', 'cached'), color: COLORS.blue },
      { name: 'KAFKA UNCACHED', values: line('kafka', 'uncached'), color: COLORS.orange },
      { name: 'HTTP CACHED', values: line('http', 'cached'), color: COLORS.green },
      { name: 'HTTP UNCACHED', values: line('http', 'uncached'), color: COLORS.purple },
    ],
    references: [{ label: 'TARGET CACHED 3,000 REQ/S', value: 3000, color: COLORS.red }],
  });
}
