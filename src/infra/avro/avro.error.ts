// All Avro errors are bad input or bad configuration: retrying cannot fix them, so
// `retriable` is always false (a consumer dead-letters the message).

export type AvroDecodeErrorCode =
  | 'bad-magic' // not single-object encoded (no C3 01 marker)
  | 'truncated' // shorter than the 10-byte header, or the body ends before the value does
  | 'unknown-fingerprint' // writer schema not in the registry
  | 'corrupt-body' // body does not parse as the writer schema (bad index, bad length, trailing bytes)
  | 'incompatible-schema'; // writer schema cannot be resolved to the requested reader schema

export class AvroDecodeError extends Error {
  readonly retriable = false;

  constructor(
    readonly code: AvroDecodeErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AvroDecodeError';
  }
}

export class AvroEncodeError extends Error {
  readonly retriable = false;

  /** `paths`: dotted paths of the invalid fields, e.g. `tracks.0.scores.final`. */
  constructor(
    readonly recordName: string,
    readonly paths: readonly string[],
  ) {
    super(`invalid ${recordName} value at ${paths.join(', ') || '(root)'}`);
    this.name = 'AvroEncodeError';
  }
}

export type AvroSchemaErrorCode = 'invalid-schema' | 'unknown-record';

/** Bad schema directory or a record name that is not registered: a configuration bug. */
export class AvroSchemaError extends Error {
  readonly retriable = false;

  constructor(
    readonly code: AvroSchemaErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AvroSchemaError';
  }
}
