import { AvroDecodeError } from './avro.error.js';
import {
  assertSingleObjectHeader,
  decodeSingleObject,
  encodeSingleObject,
  singleObjectHeader,
} from './single-object.js';

// Fingerprint of "null" per the spec vectors, unsigned.
const NULL_FP = 7195948357588979594n;

describe('single-object encoding', () => {
  it('header is C3 01 then the fingerprint little-endian', () => {
    expect(singleObjectHeader(NULL_FP).toString('hex')).toBe('c301' + '8a8f25cce724dd63');
  });

  it('accepts a signed fingerprint and writes its two-complement bytes', () => {
    expect(singleObjectHeader(-1n).toString('hex')).toBe('c301ffffffffffffffff');
  });

  it('round-trips fingerprint and body; the body is a view, not a copy', () => {
    const bytes = encodeSingleObject(NULL_FP, Buffer.from([1, 2, 3]));
    const frame = decodeSingleObject(bytes);
    expect(frame.fingerprint).toBe(NULL_FP);
    expect([...frame.body]).toEqual([1, 2, 3]);
    expect(frame.body.buffer).toBe(bytes.buffer);
  });

  it.each([
    { label: 'empty', bytes: [], code: 'truncated' },
    { label: 'magic only', bytes: [0xc3, 0x01], code: 'truncated' },
    { label: '9 bytes', bytes: [0xc3, 0x01, 1, 2, 3, 4, 5, 6, 7], code: 'truncated' },
    { label: 'Confluent framing', bytes: [0x00, 0, 0, 0, 1, 2], code: 'bad-magic' },
    { label: 'wrong second byte', bytes: [0xc3, 0x02, 1, 2, 3, 4, 5, 6, 7, 8], code: 'bad-magic' },
    { label: 'one wrong byte', bytes: [0x7b], code: 'bad-magic' },
  ])('$label → $code', ({ bytes, code }) => {
    const buf = Buffer.from(bytes);
    expect(() => assertSingleObjectHeader(buf)).toThrow(AvroDecodeError);
    expect(() => decodeSingleObject(buf)).toThrow(expect.objectContaining({ code, retriable: false }));
  });

  it('accepts a header with an empty body', () => {
    expect(decodeSingleObject(singleObjectHeader(1n)).body.length).toBe(0);
  });
});
