import {
  RECORD_NAMES,
  type ListeningEvent,
  type RecordName,
  type RecommendationReply,
} from '../../contracts/records.js';
import { RECORD_SAMPLES } from '../../contracts/record-samples.js';
import { AvroDecodeError, AvroEncodeError, AvroSchemaError } from './avro.error.js';
import { SchemaRegistry } from './schema-registry.js';

const registry = SchemaRegistry.load();
const LISTEN = RECORD_SAMPLES['music.ListeningEvent'];
const REPLY = RECORD_SAMPLES['music.RecommendationReply'];

/** Single-object frame with the latest header of `name` and a hand-made body. */
function frame(name: string, body: readonly number[]): Buffer {
  return Buffer.concat([registry.latestSchema(name).header, Buffer.from(body)]);
}

/** Zig-zag varint, as Avro encodes int and long. */
function varint(n: number): number[] {
  let z = n >= 0 ? 2 * n : -2 * n - 1;
  const out: number[] = [];
  while (z >= 0x80) {
    out.push((z % 0x80) | 0x80);
    z = Math.floor(z / 0x80);
  }
  return [...out, z];
}

const str = (s: string): number[] => [...varint(Buffer.byteLength(s)), ...Buffer.from(s)];

describe('SchemaRegistry (schemas/)', () => {
  it('registers every record name of the contracts', () => {
    expect(registry.recordNames.sort()).toEqual([...RECORD_NAMES].sort());
  });

  it.each(RECORD_NAMES.map((name) => [name]))('%s round-trips its sample', (name) => {
    const bytes = registry.encode(name, RECORD_SAMPLES[name]);
    expect(bytes.subarray(0, 10)).toEqual(registry.latestSchema(name).header);
    expect(registry.decode(bytes, name)).toEqual(RECORD_SAMPLES[name]);
  });

  it('decodes repeatedly through the cached path with the same result', () => {
    const bytes = registry.encode('music.ListeningEvent', LISTEN);
    // Typed by the contract: no cast needed.
    const first: ListeningEvent = registry.decode(bytes, 'music.ListeningEvent');
    const status: RecommendationReply['status'] = registry.decode(
      registry.encode('music.RecommendationReply', REPLY),
      'music.RecommendationReply',
    ).status;
    expect(status).toBe('OK');
    expect(registry.decode(bytes, 'music.ListeningEvent')).toEqual(first);
  });

  it.each([
    { label: 'wrong primitive', name: 'music.ListeningEvent', value: { ...LISTEN, user_id: 42 }, paths: ['user_id'] },
    {
      label: 'fractional long',
      name: 'music.ListeningEvent',
      value: { ...LISTEN, occurred_at: 1.5 },
      paths: ['occurred_at'],
    },
    {
      label: 'missing field',
      name: 'music.ListeningEvent',
      value: { ...LISTEN, track_id: undefined },
      paths: ['track_id'],
    },
    {
      label: 'unknown enum symbol',
      name: 'music.RecommendationReply',
      value: { ...REPLY, status: 'MAYBE' },
      paths: ['status'],
    },
    {
      label: 'nested field',
      name: 'music.RecommendationReply',
      value: { ...REPLY, tracks: [{ ...REPLY.tracks[0], scores: { ...REPLY.tracks[0].scores, final: 'high' } }] },
      paths: ['tracks.0.scores.final'],
    },
  ])('encode rejects $label naming $paths', ({ name, value, paths }) => {
    expect(() => registry.encode(name, value)).toThrow(AvroEncodeError);
    expect(() => registry.encode(name, value)).toThrow(
      expect.objectContaining({ recordName: name, paths, retriable: false }),
    );
  });

  it('names the writer of a frame, so one topic can carry several record kinds', () => {
    const feedback = RECORD_SAMPLES['music.FeedbackEvent'];
    expect(registry.writerName(registry.encode('music.ListeningEvent', LISTEN))).toBe('music.ListeningEvent');
    expect(registry.writerName(registry.encode('music.FeedbackEvent', feedback))).toBe('music.FeedbackEvent');
    expect(() => registry.writerName(Buffer.from([0xc3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(
      expect.objectContaining({ code: 'unknown-fingerprint' }),
    );
    expect(() => registry.writerName(Buffer.from([0x00]))).toThrow(AvroDecodeError);
  });

  it('rejects unknown record names with AvroSchemaError', () => {
    expect(() => registry.encode('music.Nope', {})).toThrow(expect.objectContaining({ code: 'unknown-record' }));
    expect(() => registry.decode(Buffer.alloc(10), 'music.Nope')).toThrow(AvroSchemaError);
  });
});

describe('SchemaRegistry.decode of bad bytes', () => {
  const good = registry.encode('music.ListeningEvent', LISTEN);
  const flippedFingerprint = Buffer.from(good);
  flippedFingerprint[5] ^= 0xff;
  const ids = [...str('a'), ...str('b'), ...str('c')];

  const rows: Array<{ label: string; bytes: Buffer; code: string; reader?: RecordName }> = [
    { label: 'empty', bytes: Buffer.alloc(0), code: 'truncated' },
    { label: 'header cut', bytes: good.subarray(0, 9), code: 'truncated' },
    { label: 'body cut', bytes: good.subarray(0, good.length - 3), code: 'truncated' },
    { label: 'JSON', bytes: Buffer.from(JSON.stringify(LISTEN)), code: 'bad-magic' },
    {
      label: 'Confluent framing',
      bytes: Buffer.concat([Buffer.from([0, 0, 0, 0, 7]), good.subarray(10)]),
      code: 'bad-magic',
    },
    { label: 'unknown fingerprint', bytes: flippedFingerprint, code: 'unknown-fingerprint' },
    { label: 'trailing bytes', bytes: Buffer.concat([good, Buffer.from([0])]), code: 'corrupt-body' },
    {
      label: 'union index out of range',
      bytes: frame('music.ListeningEvent', [...ids, 0, 0, 0, ...varint(2)]),
      code: 'corrupt-body',
    },
    { label: 'negative string length', bytes: frame('music.ListeningEvent', varint(-1)), code: 'corrupt-body' },
    {
      label: 'overlong varint',
      bytes: frame('music.ListeningEvent', [...ids, ...Array(11).fill(0xff), 0]),
      code: 'corrupt-body',
    },
    {
      label: 'boolean byte 2',
      bytes: frame('music.RecommendationRequest', [...str('r'), ...str('u'), ...varint(5), 2]),
      code: 'corrupt-body',
      reader: 'music.RecommendationRequest',
    },
    {
      label: 'enum index out of range',
      bytes: frame('music.RecommendationReply', [...str('r'), ...str('u'), ...varint(4)]),
      code: 'corrupt-body',
      reader: 'music.RecommendationReply',
    },
    // Without the body guard avsc loops and allocates for each announced item.
    {
      label: 'huge array count',
      bytes: frame('music.CatalogTrack', [...str('t'), ...str('n'), ...varint(5e8)]),
      code: 'truncated',
      reader: 'music.CatalogTrack',
    },
    {
      label: 'huge map count',
      bytes: frame('music.DeadLetter', [...ids, ...varint(1), ...varint(1), 0, 0, ...varint(5e8)]),
      code: 'truncated',
      reader: 'music.DeadLetter',
    },
    { label: 'string longer than body', bytes: frame('music.ListeningEvent', varint(1e9)), code: 'truncated' },
    {
      label: 'other record read as this one',
      bytes: registry.encode('music.FeedbackEvent', RECORD_SAMPLES['music.FeedbackEvent']),
      code: 'incompatible-schema',
    },
  ];

  it.each(rows)('$label → $code', ({ bytes, code, reader = 'music.ListeningEvent' }) => {
    let thrown: unknown;
    try {
      registry.decode(bytes, reader);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AvroDecodeError);
    expect(thrown).toMatchObject({ code, retriable: false });
  });

  it('random garbage after a valid header only ever yields AvroDecodeError', () => {
    const header = registry.latestSchema('music.RecommendationReply').header;
    let seed = 12345;
    const nextByte = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    for (let i = 0; i < 2000; i++) {
      const body = Buffer.from(Array.from({ length: 1 + (i % 64) }, nextByte));
      try {
        registry.decode(Buffer.concat([header, body]), 'music.RecommendationReply');
      } catch (err) {
        expect(err).toBeInstanceOf(AvroDecodeError);
      }
    }
  });
});
