import { DemoOutput } from './demo-output.js';

function sink(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, out: { isTTY, write: (t: string) => writes.push(t) } };
}

describe('DemoOutput', () => {
  it('redraws progress in place on a TTY and clears it before a lasting line', () => {
    const { writes, out } = sink(true);
    const o = new DemoOutput(out);
    o.progress('p1');
    o.progress('p2');
    o.step('stream', 'done');
    expect(writes).toEqual(['\rp1\x1b[K', '\rp2\x1b[K', '\r\x1b[K', '[demo] stream: done\n']);
  });

  it('writes plain, throttled progress lines elsewhere', () => {
    const { writes, out } = sink(false);
    let now = 0;
    const o = new DemoOutput(out, { plainEveryMs: 5000, now: () => now });
    o.progress('p1');
    now = 4999;
    o.progress('p2');
    now = 5000;
    o.progress('p3');
    o.line('end');
    expect(writes).toEqual(['p1\n', 'p3\n', 'end\n']);
  });
});
