// Reads versioned schema files `<namespace>.<Name>.v<N>.avsc` and prepares each as a
// writer schema: parsed type, fingerprint, single-object header, body guard.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import avsc from 'avsc';
import { AvroSchemaError } from './avro.error.js';
import { type BodyGuard, compileGuard } from './body-guard.js';
import { schemaFingerprint } from './canonical-form.js';
import { singleObjectHeader } from './single-object.js';

const SCHEMA_FILE = /^(.+)\.v([1-9]\d*)\.avsc$/;

export interface WriterSchema {
  readonly fullName: string;
  readonly version: number;
  readonly file: string;
  readonly type: avsc.Type;
  /** Unsigned CRC-64-AVRO of the Parsing Canonical Form. */
  readonly fingerprint: bigint;
  /** Low and high 32 bits of the fingerprint, compared per message without BigInt. */
  readonly fingerprintLow: number;
  readonly fingerprintHigh: number;
  readonly header: Buffer;
  readonly guard: BodyGuard;
}

/** `schemas/` of the repository that contains this module (works from src/ and dist/). */
export function defaultSchemaDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'schemas'))) return join(dir, 'schemas');
    const parent = dirname(dir);
    if (parent === dir)
      throw new AvroSchemaError('invalid-schema', 'no schemas/ directory next to a package.json above this module');
    dir = parent;
  }
}

export function loadWriterSchemas(dir: string): WriterSchema[] {
  const files = readdirSync(dir)
    .filter((f) => SCHEMA_FILE.test(f))
    .sort();
  if (files.length === 0) throw new AvroSchemaError('invalid-schema', `no <name>.v<N>.avsc files in ${dir}`);
  return files.map((file) => loadWriterSchema(dir, file));
}

function loadWriterSchema(dir: string, file: string): WriterSchema {
  const [, fullName, version] = SCHEMA_FILE.exec(file) ?? [];
  const type = parseSchemaFile(join(dir, file));
  if (type.name !== fullName) {
    throw new AvroSchemaError(
      'invalid-schema',
      `${file} defines ${type.name ?? type.typeName}, expected record ${fullName}`,
    );
  }
  const fingerprint = schemaFingerprint(type);
  return {
    fullName,
    version: Number(version),
    file,
    type,
    fingerprint,
    fingerprintLow: Number(fingerprint & 0xffff_ffffn),
    fingerprintHigh: Number(fingerprint >> 32n),
    header: singleObjectHeader(fingerprint),
    guard: compileGuard(type),
  };
}

function parseSchemaFile(path: string): avsc.Type {
  try {
    const schema = JSON.parse(readFileSync(path, 'utf8')) as avsc.Schema;
    // Unions here are all ["null", T], which 'auto' decodes as T | null (no wrapping).
    return avsc.Type.forSchema(schema, { wrapUnions: 'auto', omitRecordMethods: true });
  } catch (err) {
    throw new AvroSchemaError('invalid-schema', `${path}: ${(err as Error).message}`, { cause: err });
  }
}
