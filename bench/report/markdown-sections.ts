/** The event-path and recommendation-path sections of bench/results/<profile>.md. */
import { isSaturated, processedPerSecond } from '../event-path/latency.scenario.js';
import { processesOf, scaleName, type BenchResults } from './results.js';
import { round } from '../lib/stats.js';

export const n = (v: number): string => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '—');
export const table = (head: string[], rows: Array<Array<string | number>>): string[] => [
  `| ${head.join(' | ')} |`,
  `| ${head.map(() => '---').join(' | ')} |`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
];
export const cores = (g: Record<string, number>): string =>
  Object.entries(g)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

export function eventPath(r: BenchResults): string[] {
  const out = ['## Event path', ''];
  const scales = [...r.eventPath.scales];
  const lf = r.eventPath.lastfm;
  if (lf && !('skipped' in lf)) scales.push(lf);
  out.push(
    ...table(
      [
        'users',
        'events',
        'processes',
        'events/s (10→100 %)',
        'cold events/s',
        'Kafka consumer msg/s (best of 3)',
        'ratio',
        'CPU cores',
        'processor RSS',
        'load',
      ],
      scales.map((s) => [
        n(s.users) + (r.eventPath.scales.includes(s) ? '' : ' (Last.fm)'),
        n(s.events),
        processesOf(s),
        n(s.eventsPerSecond),
        n(s.coldEventsPerSecond),
        n(s.kafka.fetchMessagesPerSecond),
        s.ratioToKafka,
        cores(s.cpuCores),
        `${s.processorRssMb} MB`,
        s.load[0],
      ]),
    ),
    '',
  );
  if (lf && 'skipped' in lf) out.push(`Last.fm replay skipped: ${lf.skipped}.`, '');
  for (const s of scales)
    out.push(
      `- ${scaleName(s)}: share of chunk time per stage ${cores(s.stageShare)}; Postgres WAL ${n(s.walBytesPerEvent)} B/event; mean event ${s.meanMessageBytes} B` +
        (processesOf(s) > 1
          ? `; events applied per process ${(s.appliedByProcess ?? []).map(n).join(' / ')}; sustained window from ${Math.round((s.sustainedFrom ?? 0.1) * 100)} % durable (every process working).`
          : '.'),
    );
  const p = r.eventPath.producerCeiling;
  if (p)
    out.push(
      `- Kafka ProducerPerformance (acks=all, same record size): ${n(p.recordsPerSecond)} records/s, p99 ${p.p99Ms} ms.`,
    );
  out.push('');
  const l = r.eventPath.latency;
  if (l) {
    out.push(
      `### Produce → durable at ${n(l.offeredPerSecond)} events/s offered (${n(l.achievedPerSecond)} achieved, ${n(l.users)} users, ${n(l.measuredEvents)} events)`,
      '',
      ...table(
        ['clock', 'p50', 'p95', 'p99', 'max'],
        [
          [
            'transaction start (Postgres now(), lower bound)',
            l.transactionStart.p50,
            l.transactionStart.p95,
            l.transactionStart.p99,
            l.transactionStart.max,
          ],
          [
            'committed (bench polls processor_offsets every 10 ms)',
            l.committed.p50,
            l.committed.p95,
            l.committed.p99,
            l.committed.max,
          ],
          [
            'reward received by the bench (upper bound, reported)',
            l.durable.p50,
            l.durable.p95,
            l.durable.p99,
            l.durable.max,
          ],
        ],
      ),
      '',
      `Batches in the window: ${n(l.batches.count)}, mean ${l.batches.meanEvents} events; mean ms per batch by stage: ${cores(l.batches.meanStageMs)}. ` +
        `Produce ack ${l.meanProduceAckMs} ms. CPU cores: ${cores(l.cpuCores)}. Load ${l.load[0]}. ` +
        (l.eventLoopDelayMs
          ? `Processor event-loop delay (each I/O completion waits this long for the JS thread) p50 ${round(l.eventLoopDelayMs.p50, 1)} / p99 ${round(l.eventLoopDelayMs.p99, 1)} / max ${round(l.eventLoopDelayMs.max, 1)} ms. `
          : '') +
        `Processed in the window: ${n(processedPerSecond(l))} events/s${isSaturated(l) ? ' — **below the offered rate: past saturation, the latencies measure a growing backlog**' : ''}.`,
      '',
    );
  }
  const heavy = r.eventPath.scales[0];
  if (heavy) {
    out.push(
      '### Footprint',
      '',
      ...table(
        [
          'users',
          'events/user',
          'Redis snapshot mean / p99 (JSON)',
          'Postgres per user',
          'by table',
          'event log per event',
        ],
        r.eventPath.scales.map((s) => [
          n(s.users) + (processesOf(s) > 1 ? ` (${processesOf(s)} processes)` : ''),
          n(s.events / s.users),
          `${n(s.snapshots.meanBytes)} / ${n(s.snapshots.p99Bytes)} B (${n(s.snapshots.meanJsonBytes)} B)`,
          `${n(s.postgres.bytesPerUser)} B`,
          cores(s.postgres.bytesPerUserByTable),
          `${n(s.postgres.logBytesPerEvent)} B`,
        ]),
      ),
      '',
    );
  }
  return out;
}

export function recPath(r: BenchResults): string[] {
  const rec = r.recPath;
  if (!rec) return [];
  const c = rec.catalog;
  return [
    '## Recommendation path',
    '',
    `Catalog: ${n(c.tracks)} tracks (${c.source}${c.note ? `: ${c.note}` : ''}), imported in ${c.seconds.toFixed(1)} s; ${n(rec.users)} seeded users; ` +
      `recommender start to first answer ${rec.recommenderStartSeconds} s; 50 results per request.`,
    '',
    ...table(
      ['path', 'mode', 'clients', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'CPU cores', 'load'],
      rec.cells.map((x) => [
        x.path,
        x.mode,
        x.concurrency,
        n(x.requestsPerSecond),
        x.latencyMs.p50,
        x.latencyMs.p95,
        x.latencyMs.p99,
        x.errors,
        cores(x.cpuCores),
        x.load[0],
      ]),
    ),
    '',
    `Scoring micro-benchmark (one core, ${n(rec.scoring.catalogTracks)} tracks, ${n(rec.scoring.requests)} requests, mean ${rec.scoring.meanCandidates} candidates): ` +
      `${n(rec.scoring.candidatesPerSecond)} candidates/s generated and ranked (ranking alone ${n(rec.scoring.rankOnlyCandidatesPerSecond)}); ` +
      `per request generate p50 ${rec.scoring.generateMs.p50} ms, rank p50 ${rec.scoring.rankMs.p50} ms. Whole engine per request p50 ${rec.engineMs.p50} / p99 ${rec.engineMs.p99} ms.`,
    '',
    '### Uncached latency vs catalog size',
    '',
    ...table(
      ['tracks', 'source', 'Kafka c=1 p50 / p99 ms', 'engine p50 / p99 ms', 'load'],
      [...r.catalogSizes]
        .sort((a, b) => a.tracks - b.tracks)
        .map((p) => [
          n(p.tracks),
          p.source,
          p.kafkaMs ? `${p.kafkaMs.p50} / ${p.kafkaMs.p99}` : '—',
          `${p.engineMs.p50} / ${p.engineMs.p99}`,
          p.load[0],
        ]),
    ),
    '',
  ];
}
