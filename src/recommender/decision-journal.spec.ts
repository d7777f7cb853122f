import type { Decision } from '../contracts/records.js';
import type { RecommendationLogRow } from '../infra/postgres/recommendation.repository.js';
import type { Logger } from '../infra/logging/logger.js';
import { DecisionJournal } from './decision-journal.js';

const decision = (n: number): Decision => ({
  request_id: `r${n}`,
  user_id: `u${n}`,
  decided_at: 0,
  candidates_considered: 1,
  epsilon: 0.1,
  cold_start_stage: 'week_1',
  model_version: '0',
  chosen: [],
});
const rows = (n: number, count: number): RecommendationLogRow[] =>
  Array.from({ length: count }, (_, i) => ({ requestId: `r${n}`, trackId: `t${i}` }) as RecommendationLogRow);

function journal(o: { decisionsFail?: boolean; logFails?: boolean; refusedRequest?: string } = {}) {
  const published: string[][] = [];
  const logged: string[][] = [];
  const errors: Array<{ context: Record<string, unknown>; message: string }> = [];
  const logger = { error: (context: Record<string, unknown>, message: string) => errors.push({ context, message }) };
  const j = new DecisionJournal({
    decisions: {
      async publishMany(ds) {
        published.push(ds.map((d) => d.request_id));
        if (o.decisionsFail) throw new Error('kafka down');
      },
    },
    async log(rs) {
      logged.push(rs.map((r) => `${r.requestId}/${r.trackId}`));
      if (o.logFails) throw new Error('postgres down');
      if (rs.some((r) => r.requestId === o.refusedRequest)) throw new Error('check constraint');
    },
    logger: logger as unknown as Logger,
    maxRequests: 2,
    maxDelayMs: 60_000,
  });
  return { j, published, logged, errors };
}

describe('DecisionJournal', () => {
  it('writes decisions and log rows of several requests in batches, all of them by flush', async () => {
    const { j, published, logged } = journal();
    j.record(decision(1), rows(1, 2));
    j.record(decision(2), rows(2, 1));
    j.record(decision(3), []);
    await j.flush();
    expect(published).toEqual([['r1', 'r2'], ['r3']]);
    expect(logged).toEqual([['r1/t0', 'r1/t1', 'r2/t0']]);
    expect(j.pending).toBe(0);
    expect(j.failures).toBe(0);
  });

  it('counts a failed batch once per request and logs its users and request ids', async () => {
    const { j, errors } = journal({ logFails: true });
    j.record(decision(1), rows(1, 3));
    j.record(decision(2), rows(2, 3));
    await j.flush();
    expect(j.failures).toBe(2);
    expect(errors).toEqual([
      {
        message: 'recommendation side effect failed; the replies went out',
        context: expect.objectContaining({
          write: 'log',
          requests: 2,
          userIds: ['u1', 'u2'],
          requestIds: ['r1', 'r2'],
          err: new Error('postgres down'),
        }),
      },
    ]);
  });

  it('writes a refused batch again request by request: only the refused request is lost', async () => {
    const { j, logged, errors } = journal({ refusedRequest: 'r2' });
    j.record(decision(1), rows(1, 1));
    j.record(decision(2), rows(2, 1));
    await j.flush();
    expect(logged).toEqual([['r1/t0', 'r2/t0'], ['r1/t0'], ['r2/t0']]);
    expect(j.failures).toBe(1);
    expect(errors).toEqual([
      {
        message: 'recommendation side effect failed; the replies went out',
        context: expect.objectContaining({
          write: 'log',
          requests: 1,
          requestIds: ['r2'],
          err: new Error('check constraint'),
        }),
      },
    ]);
  });

  it('a failing decision topic does not hold back the log rows', async () => {
    const { j, logged } = journal({ decisionsFail: true });
    j.record(decision(1), rows(1, 1));
    await j.flush();
    expect(logged).toEqual([['r1/t0']]);
    expect(j.failures).toBe(1);
  });
});
