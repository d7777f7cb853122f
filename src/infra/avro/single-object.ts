// Avro single-object encoding (spec, "Single-object encoding"):
// C3 01 | 8-byte little-endian CRC-64-AVRO fingerprint of the writer schema | binary body.
import { AvroDecodeError } from './avro.error.js';

export const SINGLE_OBJECT_MAGIC_0 = 0xc3;
export const SINGLE_OBJECT_MAGIC_1 = 0x01;
export const SINGLE_OBJECT_HEADER_LENGTH = 10;

export interface SingleObjectFrame {
  /** Unsigned 64-bit fingerprint of the writer schema. */
  readonly fingerprint: bigint;
  /** View of the body inside the input buffer (no copy). */
  readonly body: Buffer;
}

/** The 10-byte header for a writer schema fingerprint. */
export function singleObjectHeader(fingerprint: bigint): Buffer {
  const header = Buffer.alloc(SINGLE_OBJECT_HEADER_LENGTH);
  header[0] = SINGLE_OBJECT_MAGIC_0;
  header[1] = SINGLE_OBJECT_MAGIC_1;
  header.writeBigUInt64LE(BigInt.asUintN(64, fingerprint), 2);
  return header;
}

export function encodeSingleObject(fingerprint: bigint, body: Uint8Array): Buffer {
  return Buffer.concat([singleObjectHeader(fingerprint), body]);
}

/** Throws AvroDecodeError `truncated` or `bad-magic` unless `bytes` starts with a valid header. */
export function assertSingleObjectHeader(bytes: Uint8Array): void {
  if (
    (bytes.length > 0 && bytes[0] !== SINGLE_OBJECT_MAGIC_0) ||
    (bytes.length > 1 && bytes[1] !== SINGLE_OBJECT_MAGIC_1)
  ) {
    throw new AvroDecodeError('bad-magic', `not Avro single-object encoded: starts with ${hexPrefix(bytes)}`);
  }
  if (bytes.length < SINGLE_OBJECT_HEADER_LENGTH) {
    throw new AvroDecodeError(
      'truncated',
      `${bytes.length} bytes, the single-object header alone is ${SINGLE_OBJECT_HEADER_LENGTH}`,
    );
  }
}

export function decodeSingleObject(bytes: Buffer): SingleObjectFrame {
  assertSingleObjectHeader(bytes);
  return {
    fingerprint: bytes.readBigUInt64LE(2),
    body: bytes.subarray(SINGLE_OBJECT_HEADER_LENGTH),
  };
}

function hexPrefix(bytes: Uint8Array): string {
  return Buffer.from(bytes.subarray(0, 2)).toString('hex') || '(empty)';
}
