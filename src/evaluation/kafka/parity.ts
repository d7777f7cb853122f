/**
 * Does the replay through Kafka give the same numbers as the in-process replay? Compared
 * strictly (Object.is on every number): the counts, `ours`'s metrics overall and per
 * cold-start stage, and — stronger, since two different lists can score alike — every
 * served list against the in-process list of the same request id.
 */
import { isDeepStrictEqual } from 'node:util';
import { COLD_START_STAGES } from '../../domain/cold-start.js';
import type { NextPlayResult } from '../scenarios/next-play.scenario.js';

export interface Parity {
  readonly identical: boolean;
  readonly metricsIdentical: boolean;
  readonly listsCompared: number;
  readonly listsDiffering: number;
  /** Request ids of the first differing lists (at most 5), for a look at the logs. */
  readonly differingSamples: readonly string[];
  /** Lists asked for on one path and not the other. */
  readonly listsMissing: number;
}

/** What both paths report about `ours`. */
function oursView(r: NextPlayResult) {
  return {
    counts: r.counts,
    ours: r.methods.ours,
    byStage: COLD_START_STAGES.map((s) => ({
      stage: s,
      users: r.byStage[s].users,
      points: r.byStage[s].points,
      ours: r.byStage[s].methods.ours,
    })),
  };
}

export function compareRuns(o: {
  inProcess: NextPlayResult;
  throughKafka: NextPlayResult;
  inProcessLists: ReadonlyMap<string, readonly string[]>;
  kafkaLists: ReadonlyMap<string, readonly string[]>;
}): Parity {
  const metricsIdentical = isDeepStrictEqual(oursView(o.inProcess), oursView(o.throughKafka));
  const differing: string[] = [];
  let missing = 0;
  for (const [id, list] of o.kafkaLists) {
    const local = o.inProcessLists.get(id);
    if (!local) missing++;
    else if (!isDeepStrictEqual([...local], [...list])) differing.push(id);
  }
  for (const id of o.inProcessLists.keys()) if (!o.kafkaLists.has(id)) missing++;
  return {
    identical: metricsIdentical && differing.length === 0 && missing === 0,
    metricsIdentical,
    listsCompared: o.kafkaLists.size,
    listsDiffering: differing.length,
    differingSamples: differing.slice(0, 5),
    listsMissing: missing,
  };
}
