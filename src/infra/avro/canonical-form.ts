import avsc from 'avsc';
import { crc64Avro } from './crc64.js';

// avsc 5's `Type#schema()` without options is the spec's Parsing Canonical Form once
// stringified: full names, only type/name/fields/symbols/items/values/size kept, in the
// spec's key order, no whitespace, logical types reduced to their underlying type.
// canonical-form.spec.ts checks this against the Avro project's schema-tests vectors.

/** Parsing Canonical Form of a parsed avsc type. */
export function parsingCanonicalForm(type: avsc.Type): string {
  return JSON.stringify(type.schema());
}

/** CRC-64-AVRO fingerprint (unsigned) of the type's Parsing Canonical Form. */
export function schemaFingerprint(type: avsc.Type): bigint {
  return crc64Avro(parsingCanonicalForm(type));
}
