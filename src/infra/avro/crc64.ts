// CRC-64-AVRO (Rabin) fingerprint, as specified in the Avro specification
// ("Schema Fingerprints"): table-driven, initial value EMPTY, reflected polynomial.

/** The spec's EMPTY constant: the fingerprint of zero bytes, and the polynomial. */
export const CRC64_AVRO_EMPTY = 0xc15d213aa4d7a795n;

const MASK_64 = 0xffff_ffff_ffff_ffffn;

const TABLE: readonly bigint[] = Array.from({ length: 256 }, (_, i) => {
  let fp = BigInt(i);
  for (let j = 0; j < 8; j++) {
    fp = (fp >> 1n) ^ (CRC64_AVRO_EMPTY & -(fp & 1n));
  }
  return fp & MASK_64;
});

/** Unsigned 64-bit CRC-64-AVRO of `bytes` (a string is hashed as UTF-8). */
export function crc64Avro(bytes: Uint8Array | string): bigint {
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  let fp = CRC64_AVRO_EMPTY;
  for (const byte of data) {
    fp = (fp >> 8n) ^ TABLE[Number((fp ^ BigInt(byte)) & 0xffn)];
  }
  return fp;
}

/** The same fingerprint as the signed 64-bit value Java's `SchemaNormalization` prints. */
export function toSigned64(fingerprint: bigint): bigint {
  return BigInt.asIntN(64, fingerprint);
}
