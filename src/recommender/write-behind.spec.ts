import { WriteBehind } from './write-behind.js';

/** A queue whose writes are recorded and can be held open until released. */
function recorder(options: { maxItems: number; maxDelayMs: number; failOn?: number }) {
  const writes: number[][] = [];
  const failures: Array<{ error: string; items: readonly number[] }> = [];
  let release: (() => void) | null = null;
  let hold = false;
  const queue = new WriteBehind<number>({
    ...options,
    async write(items) {
      writes.push([...items]);
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      if (options.failOn !== undefined && items.includes(options.failOn)) throw new Error(`no ${options.failOn}`);
    },
    onError: (error, items) => failures.push({ error: (error as Error).message, items }),
  });
  return {
    queue,
    writes,
    failures,
    holdWrites: () => (hold = true),
    releaseWrite: () => {
      hold = false;
      release?.();
    },
  };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('WriteBehind', () => {
  it('writes what one turn queued in one write, on the next turn when maxDelayMs is 0', async () => {
    const r = recorder({ maxItems: 10, maxDelayMs: 0 });
    [1, 2, 3].forEach((i) => r.queue.add(i));
    expect(r.writes).toEqual([]);
    expect(r.queue.pending).toBe(3);
    await nextTurn();
    expect(r.writes).toEqual([[1, 2, 3]]);
  });

  it('writes at once when maxItems are queued, in batches of at most maxItems', async () => {
    const r = recorder({ maxItems: 2, maxDelayMs: 60_000 });
    [1, 2, 3, 4, 5].forEach((i) => r.queue.add(i));
    await r.queue.flush();
    expect(r.writes).toEqual([[1, 2], [3, 4], [5]]);
    expect(r.queue.pending).toBe(0);
  });

  it('writes one batch at a time: what queues during a write goes in the next', async () => {
    const r = recorder({ maxItems: 100, maxDelayMs: 0 });
    r.holdWrites();
    r.queue.add(1);
    await nextTurn();
    [2, 3].forEach((i) => r.queue.add(i));
    await nextTurn();
    expect(r.writes).toEqual([[1]]);
    r.releaseWrite();
    await r.queue.flush();
    expect(r.writes).toEqual([[1], [2, 3]]);
  });

  it('reports a failed batch with its items and keeps writing the others', async () => {
    const r = recorder({ maxItems: 2, maxDelayMs: 60_000, failOn: 3 });
    [1, 2, 3, 4, 5].forEach((i) => r.queue.add(i));
    await r.queue.flush();
    expect(r.writes).toEqual([[1, 2], [3, 4], [5]]);
    expect(r.failures).toEqual([{ error: 'no 3', items: [3, 4] }]);
  });

  it('flush with nothing queued resolves at once', async () => {
    await expect(recorder({ maxItems: 1, maxDelayMs: 0 }).queue.flush()).resolves.toBeUndefined();
  });

  it.each([
    [0, 0],
    [1.5, 0],
    [1, -1],
    [1, Number.NaN],
  ])('rejects maxItems %p, maxDelayMs %p', (maxItems, maxDelayMs) => {
    expect(() => new WriteBehind({ maxItems, maxDelayMs, write: async () => {}, onError: () => {} })).toThrow(
      RangeError,
    );
  });
});
