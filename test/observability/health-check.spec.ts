import { evaluate, liveness, type HealthCheck } from '../../src/observability/health/health-check.js';
import { PartitionStatus } from '../../src/learner/partition-status.js';
import { parseRedisInfo } from '../../src/observability/metrics/redis-info.sampler.js';

const check = (name: string, result: boolean | 'throws' | 'hangs', critical = true): HealthCheck => ({
  name,
  critical,
  check: () => {
    if (result === 'throws') throw new Error('down');
    if (result === 'hangs') return new Promise<boolean>(() => undefined);
    return result;
  },
});

describe('readiness', () => {
  it.each([
    [
      'all up',
      [check('kafka', true), check('postgres', true)],
      { status: 'ready', checks: { kafka: true, postgres: true } },
    ],
    [
      'a critical check fails',
      [check('kafka', true), check('postgres', false)],
      { status: 'not-ready', checks: { kafka: true, postgres: false } },
    ],
    [
      'a throwing probe is down',
      [check('kafka', 'throws'), check('postgres', true)],
      { status: 'not-ready', checks: { kafka: false, postgres: true } },
    ],
    [
      'a hanging probe is down at its deadline',
      [check('kafka', 'hangs'), check('postgres', true)],
      { status: 'not-ready', checks: { kafka: false, postgres: true } },
    ],
    [
      'a non-critical failure degrades but stays ready',
      [check('postgres', true), check('redis', false, false)],
      { status: 'ready', checks: { postgres: true, redis: false }, degraded: ['redis'] },
    ],
  ])('%s', async (_what, checks, expected) => {
    expect(await evaluate(checks, 50)).toEqual(expected);
  });

  it('liveness is ok without checks and failing when one fails', async () => {
    expect(await liveness([])).toEqual({ status: 'ok' });
    expect(await liveness([check('consumer', false)])).toEqual({ status: 'failing', checks: { consumer: false } });
  });
});

describe('learner partition status', () => {
  it('is restoring from assignment until every partition loaded its position', () => {
    const s = new PartitionStatus();
    expect(s.view()).toEqual({ joined: false, assigned: 0, restoring: 0, crashed: false });
    s.assign({ events: [0, 1, 2] });
    expect(s.view()).toMatchObject({ joined: true, assigned: 3, restoring: 3 });
    s.restored('events', 1);
    s.restored('events', 1);
    s.restored('other', 0);
    expect(s.view()).toMatchObject({ restoring: 2 });
    s.restored('events', 0);
    s.restored('events', 2);
    expect(s.view()).toMatchObject({ joined: true, restoring: 0 });
  });

  it('a rebalance unjoins, a new assignment starts over, a fatal crash sticks', () => {
    const s = new PartitionStatus();
    s.assign({ events: [0] });
    s.restored('events', 0);
    s.rebalancing();
    expect(s.view().joined).toBe(false);
    s.assign({ events: [0, 1] });
    expect(s.view()).toMatchObject({ joined: true, assigned: 2, restoring: 2 });
    s.crash(true);
    expect(s.view().crashed).toBe(false);
    s.crash(false);
    expect(s.view().crashed).toBe(true);
  });
});

describe('redis INFO', () => {
  it('reads memory and clients, missing fields as 0', () => {
    const text =
      '# Memory\r\nused_memory:1048576\r\nused_memory_rss:2097152\r\nmaxmemory:0\r\n# Clients\r\nconnected_clients:7\r\n';
    expect(parseRedisInfo(text)).toEqual({
      usedMemory: 1_048_576,
      usedMemoryRss: 2_097_152,
      maxMemory: 0,
      connectedClients: 7,
    });
    expect(parseRedisInfo('')).toEqual({ usedMemory: 0, usedMemoryRss: 0, maxMemory: 0, connectedClients: 0 });
  });
});
