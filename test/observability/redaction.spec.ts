/** No secret reaches a log line: by key at any depth, and by shape inside strings and errors. */
import { Writable } from 'node:stream';
import { REDACTED, sanitize, scrubText } from '../../src/observability/logging/redaction.js';
import { createJsonLogger } from '../../src/observability/logging/json-logger.js';

const TOKEN = 'BQDsecretSpotifyToken_123';

describe('scrubText', () => {
  it.each([
    [`Authorization: Bearer ${TOKEN}`, `Authorization: Bearer ${REDACTED}`],
    ['Basic dXNlcjpwYXNz failed', `Basic ${REDACTED} failed`],
    ['basic checks passed', 'basic checks passed'],
    ['connect postgres://app:hunter2@db:5432/x', `connect postgres://app:${REDACTED}@db:5432/x`],
    ['redis://:s3cret@cache:6379', `redis://:${REDACTED}@cache:6379`],
    [
      `POST /api/token body grant_type=refresh&refresh_token=${TOKEN}&x=1`,
      `POST /api/token body grant_type=refresh&refresh_token=${REDACTED}&x=1`,
    ],
    [`{"access_token":"${TOKEN}","expires_in":3600}`, `{"access_token":"${REDACTED}","expires_in":3600}`],
    ['client_secret = abc123', `client_secret = ${REDACTED}`],
    ['nothing to hide at offset 42 of partition 3', 'nothing to hide at offset 42 of partition 3'],
    ['postgres://postgres@127.0.0.1:5432/test', 'postgres://postgres@127.0.0.1:5432/test'],
  ])('%s', (input, expected) => {
    expect(scrubText(input)).toBe(expected);
  });
});

describe('sanitize', () => {
  it('redacts secret keys at any depth, flattens errors, keeps context', () => {
    const error = Object.assign(new Error(`401 for Bearer ${TOKEN}`, { cause: new Error('password=pw1') }), {
      code: 'E401',
      retriable: false,
    });
    const out = sanitize({
      userId: 'u1',
      topic: 't',
      partition: 3,
      offset: 17n,
      accessToken: TOKEN,
      headers: { Authorization: `Bearer ${TOKEN}`, 'content-type': 'json' },
      config: { spotify: { clientSecret: 'x', clientId: 'id' } },
      key: Buffer.from('abc'),
      err: error,
    });
    expect(out).toEqual({
      userId: 'u1',
      topic: 't',
      partition: 3,
      offset: '17',
      accessToken: REDACTED,
      headers: { Authorization: REDACTED, 'content-type': 'json' },
      config: { spotify: { clientSecret: REDACTED, clientId: 'id' } },
      key: '[3 bytes]',
      err: { type: 'Error', message: `401 for Bearer ${REDACTED}`, code: 'E401' },
    });
  });

  it('survives cycles and caps long arrays', () => {
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    const out = sanitize({ loop, many: Array.from({ length: 60 }, (_, i) => i) });
    expect((out.loop as Record<string, unknown>).self).toBe('[circular]');
    expect((out.many as unknown[]).length).toBe(51);
  });
});

describe('json logger', () => {
  function capture(): { stream: Writable; lines: () => Array<Record<string, unknown>> } {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const lines = () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    return { stream, lines };
  }

  it('writes one JSON line per call with level name, ISO time, bindings and context, and never the token', () => {
    const { stream, lines } = capture();
    const log = createJsonLogger({ level: 'info', name: 'music-rl', destination: stream }).child({
      component: 'spotify',
    });
    log.warn(
      { userId: 'u1', token: TOKEN, url: `https://api/x?access_token=${TOKEN}`, err: new Error(`Bearer ${TOKEN}`) },
      `retrying with Bearer ${TOKEN}`,
    );
    log.debug({ userId: 'u1' }, 'below the level');
    const written = lines();
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      level: 'warn',
      name: 'music-rl',
      component: 'spotify',
      userId: 'u1',
      token: REDACTED,
      url: `https://api/x?access_token=${REDACTED}`,
      err: { type: 'Error', message: `Bearer ${REDACTED}` },
      msg: `retrying with Bearer ${REDACTED}`,
    });
    expect(new Date(written[0].time as string).toISOString()).toBe(written[0].time);
    expect(JSON.stringify(written)).not.toContain(TOKEN);
  });

  it('honours the level', () => {
    const { stream, lines } = capture();
    const log = createJsonLogger({ level: 'error', name: 'x', destination: stream });
    log.warn({}, 'hidden');
    log.error({ partition: 1 }, 'shown');
    expect(lines().map((l) => [l.level, l.msg])).toEqual([['error', 'shown']]);
  });
});
