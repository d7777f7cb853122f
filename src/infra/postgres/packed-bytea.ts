/**
 * node-postgres sends a Buffer parameter in binary, but a bytea[] array as hex text,
 * escaped element by element — for a batch of state blobs or outbox payloads that text
 * is the single largest cost of the write. Packing them into one bytea parameter with
 * offsets lets SQL slice them back out: `substring($blob FROM o FOR l)`.
 */
export interface PackedBytea {
  readonly blob: Buffer;
  /** 1-based start of each value, as SQL substring expects. */
  readonly starts: number[];
  readonly lengths: number[];
}

export function packBytea(values: readonly Uint8Array[]): PackedBytea {
  const starts: number[] = [];
  const lengths: number[] = [];
  let at = 1;
  for (const v of values) {
    starts.push(at);
    lengths.push(v.byteLength);
    at += v.byteLength;
  }
  return { blob: Buffer.concat(values), starts, lengths };
}
