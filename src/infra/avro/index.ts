export { RECORD_NAMES, type RecordName, type RecordTypes } from '../../contracts/records.js';
export * from './avro.error.js';
export { crc64Avro, toSigned64, CRC64_AVRO_EMPTY } from './crc64.js';
export { parsingCanonicalForm, schemaFingerprint } from './canonical-form.js';
export * from './single-object.js';
export { SchemaRegistry } from './schema-registry.js';
export { type WriterSchema } from './schema-loader.js';
