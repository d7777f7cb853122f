// Schema-versioned Avro codec: single-object encoding with the latest schema of a
// record, decoding with the writer schema looked up by fingerprint and resolved to the
// reader's latest schema (added fields take their defaults, removed fields are skipped).
import type avsc from 'avsc';
import type { RecordName, RecordTypes } from '../../contracts/records.js';
import { AvroDecodeError, AvroEncodeError, AvroSchemaError } from './avro.error.js';
import { MALFORMED, PAST_END } from './body-guard.js';
import { defaultSchemaDir, loadWriterSchemas, type WriterSchema } from './schema-loader.js';
import { assertSingleObjectHeader, SINGLE_OBJECT_HEADER_LENGTH as HEADER } from './single-object.js';

type ResolverSlot = { readonly resolver: avsc.Resolver } | { readonly error: string };

const INITIAL_SCRATCH_BYTES = 16 * 1024;
const NONE: readonly WriterSchema[] = [];

export class SchemaRegistry {
  /** By the low 32 bits of the fingerprint, so lookup needs no BigInt per message. */
  private readonly byFingerprint = new Map<number, WriterSchema[]>();
  private readonly latest = new Map<string, WriterSchema>();
  /** Writer → reader full name → resolver, built on first use. */
  private readonly resolvers = new Map<WriterSchema, Map<string, ResolverSlot>>();
  private scratch = Buffer.allocUnsafe(INITIAL_SCRATCH_BYTES);

  private constructor(readonly schemas: readonly WriterSchema[]) {
    for (const schema of schemas) {
      const low = schema.fingerprintLow;
      this.byFingerprint.set(low, [...(this.byFingerprint.get(low) ?? []), schema]);
      const current = this.latest.get(schema.fullName);
      if (!current || current.version < schema.version) this.latest.set(schema.fullName, schema);
      this.resolvers.set(schema, new Map());
    }
  }

  /** Reads every `<full name>.v<N>.avsc` in `dir` (default: the repository's schemas/). */
  static load(dir: string = defaultSchemaDir()): SchemaRegistry {
    return new SchemaRegistry(loadWriterSchemas(dir));
  }

  /** Full names of the registered records, e.g. 'music.ListeningEvent'. */
  get recordNames(): string[] {
    return [...this.latest.keys()];
  }

  /** The schema `encode` writes with: the highest version of `name`. */
  latestSchema(name: string): WriterSchema {
    const schema = this.latest.get(name);
    if (!schema) throw new AvroSchemaError('unknown-record', `no schema registered for record ${name}`);
    return schema;
  }

  encode<N extends RecordName>(name: N, value: RecordTypes[N]): Buffer;
  /** Records outside the contracts (tests, tools); a contract name must match its type. */
  encode<N extends string>(name: N & (N extends RecordName ? never : unknown), value: unknown): Buffer;
  encode(name: string, value: unknown): Buffer {
    const writer = this.latestSchema(name);
    if (!writer.type.isValid(value)) throw new AvroEncodeError(name, invalidPaths(writer.type, value));
    return this.frame(writer, value);
  }

  decode<N extends RecordName>(bytes: Buffer, readerName: N): RecordTypes[N];
  decode<T>(bytes: Buffer, readerName: string): T;
  decode(bytes: Buffer, readerName: string): unknown {
    const reader = this.latestSchema(readerName);
    assertSingleObjectHeader(bytes);
    const writer = this.writerOf(bytes);
    const resolver = this.resolver(writer, reader);
    const end = writer.guard(bytes, HEADER);
    if (end === PAST_END) {
      throw new AvroDecodeError('truncated', `${writer.fullName} v${writer.version} body ends before the value does`);
    }
    if (end === MALFORMED || end !== bytes.length) {
      throw new AvroDecodeError(
        'corrupt-body',
        `${writer.fullName} v${writer.version} body is malformed or has trailing bytes`,
      );
    }
    return readBody(reader, bytes, resolver);
  }

  /**
   * The full name of the record that wrote `bytes`, from its fingerprint. Lets one
   * topic carry several record kinds (e.g. listening and feedback events).
   */
  writerName(bytes: Buffer): string {
    assertSingleObjectHeader(bytes);
    return this.writerOf(bytes).fullName;
  }

  private writerOf(bytes: Buffer): WriterSchema {
    const high = bytes.readUInt32LE(HEADER - 4);
    const candidates = this.byFingerprint.get(bytes.readUInt32LE(2)) ?? NONE;
    for (let i = 0; i < candidates.length; i++) {
      if (candidates[i].fingerprintHigh === high) return candidates[i];
    }
    const fingerprint = bytes.readBigUInt64LE(2).toString(16).padStart(16, '0');
    throw new AvroDecodeError('unknown-fingerprint', `writer schema fingerprint ${fingerprint} is not registered`);
  }

  private resolver(writer: WriterSchema, reader: WriterSchema): avsc.Resolver | undefined {
    if (writer === reader) return undefined;
    const cache = this.resolvers.get(writer) as Map<string, ResolverSlot>;
    let slot = cache.get(reader.fullName);
    if (!slot) {
      slot = createResolverSlot(writer, reader);
      cache.set(reader.fullName, slot);
    }
    if ('error' in slot) throw new AvroDecodeError('incompatible-schema', slot.error);
    return slot.resolver;
  }

  private frame(writer: WriterSchema, value: unknown): Buffer {
    let end = writer.type.encode(value, this.scratch, HEADER);
    while (end < 0) {
      // avsc returns minus the number of missing bytes when the buffer is too small.
      this.scratch = Buffer.allocUnsafe(Math.max(this.scratch.length * 2, this.scratch.length - end));
      end = writer.type.encode(value, this.scratch, HEADER);
    }
    const out = Buffer.allocUnsafe(end);
    writer.header.copy(out, 0);
    this.scratch.copy(out, HEADER, HEADER, end);
    return out;
  }
}

function createResolverSlot(writer: WriterSchema, reader: WriterSchema): ResolverSlot {
  try {
    return { resolver: reader.type.createResolver(writer.type) };
  } catch (err) {
    const why = (err as Error).message;
    return {
      error: `cannot read ${writer.fullName} v${writer.version} as ${reader.fullName} v${reader.version}: ${why}`,
    };
  }
}

function readBody(reader: WriterSchema, bytes: Buffer, resolver: avsc.Resolver | undefined): unknown {
  let decoded: { value: unknown; offset: number };
  try {
    decoded = reader.type.decode(bytes, HEADER, resolver);
  } catch (err) {
    // The guard has vetted the structure; this is a defensive net so nothing but an
    // AvroDecodeError ever leaves decode (avsc throws plain Errors and RangeErrors).
    throw new AvroDecodeError('corrupt-body', `${reader.fullName}: ${(err as Error).message}`, { cause: err });
  }
  if (decoded.offset !== bytes.length) {
    throw new AvroDecodeError('corrupt-body', `${reader.fullName}: body does not match its writer schema`);
  }
  return decoded.value;
}

function invalidPaths(type: avsc.Type, value: unknown): string[] {
  const paths: string[] = [];
  type.isValid(value, { errorHook: (path) => paths.push(path.join('.')) });
  return paths;
}
