/** The issue's targets, checked against what this run measured (a miss is reported, never adjusted). */
import { isSaturated, processedPerSecond } from '../event-path/latency.scenario.js';
import { scaleName, type BenchResults, type TargetRow } from './results.js';

type Measured = Omit<BenchResults, 'targets'>;

const fmt = (v: number): string => Math.round(v).toLocaleString('en-US');
const ms = (v: number): string => `${v} ms`;

export function checkTargets(r: Measured): TargetRow[] {
  return [...eventTargets(r), ...recTargets(r)];
}

function eventTargets(r: Measured): TargetRow[] {
  const rows: TargetRow[] = r.eventPath.scales.flatMap((s) => [
    {
      target: `event path, ${scaleName(s)}`,
      goal: '≥ 30,000 events/s sustained',
      measured: `${fmt(s.eventsPerSecond)} events/s`,
      pass: s.eventsPerSecond >= 30_000,
    },
    {
      target: `event path vs Kafka, ${scaleName(s)}`,
      goal: "≥ 0.3 × Kafka's own consumer",
      measured: `${s.ratioToKafka} × (${fmt(s.kafka.fetchMessagesPerSecond)} msg/s)`,
      pass: s.ratioToKafka >= 0.3,
    },
  ]);
  const l = r.eventPath.latency;
  const saturation = l && isSaturated(l) ? `; saturated: ${fmt(processedPerSecond(l))} events/s processed` : '';
  rows.push({
    target: `produce → durable p99 at 5,000 events/s offered${l ? `, ${fmt(l.users)} users` : ''}`,
    goal: '≤ 100 ms',
    measured: l
      ? `${ms(l.durable.p99)} (committed ${ms(l.committed.p99)}, tx start ${ms(l.transactionStart.p99)}${saturation})`
      : 'not run',
    pass: l ? l.durable.p99 <= 100 : null,
  });
  const heaviest = [...r.eventPath.scales].sort((a, b) => b.events / b.users - a.events / a.users)[0];
  rows.push({
    target: `Redis per user snapshot (${heaviest ? fmt(heaviest.events / heaviest.users) : '?'} events/user)`,
    goal: '≤ 4 KB (p99 MEMORY USAGE)',
    measured: heaviest
      ? `p99 ${fmt(heaviest.snapshots.p99Bytes)} B, mean ${fmt(heaviest.snapshots.meanBytes)} B`
      : 'not run',
    pass: heaviest ? heaviest.snapshots.p99Bytes <= 4096 : null,
  });
  return rows;
}

function recTargets(r: Measured): TargetRow[] {
  const rec = r.recPath;
  if (!rec) return [{ target: 'recommendation path', goal: '—', measured: 'not run', pass: null }];
  const cached = rec.cells.filter((c) => c.path === 'kafka' && c.mode === 'cached');
  const best = [...cached].sort((a, b) => b.requestsPerSecond - a.requestsPerSecond)[0];
  const uncached1 = rec.cells.find((c) => c.path === 'kafka' && c.mode === 'uncached' && c.concurrency === 1);
  return [
    {
      target: 'cached recommendations (Kafka request/reply)',
      goal: '≥ 3,000 req/s with p99 ≤ 20 ms',
      measured: best
        ? `best ${fmt(best.requestsPerSecond)} req/s at c=${best.concurrency} (p99 ${ms(best.latencyMs.p99)}); ` +
          `c=1 p99 ${ms(cached.find((c) => c.concurrency === 1)?.latencyMs.p99 ?? NaN)}`
        : 'not run',
      pass: cached.some((c) => c.requestsPerSecond >= 3000 && c.latencyMs.p99 <= 20),
    },
    {
      target: `uncached, full catalog (${fmt(rec.catalog.tracks)} tracks, ≤ 500 candidates)`,
      goal: 'p99 ≤ 50 ms',
      measured: uncached1
        ? `Kafka round trip c=1 p99 ${ms(uncached1.latencyMs.p99)}; engine alone p99 ${ms(rec.engineMs.p99)}`
        : 'not run',
      pass: uncached1 ? uncached1.latencyMs.p99 <= 50 : null,
    },
    {
      target: 'candidate generation + scoring, one core',
      goal: '≥ 1,000,000 candidates/s',
      measured: `${fmt(rec.scoring.candidatesPerSecond)} candidates/s (ranking alone ${fmt(rec.scoring.rankOnlyCandidatesPerSecond)})`,
      pass: rec.scoring.candidatesPerSecond >= 1_000_000,
    },
  ];
}
