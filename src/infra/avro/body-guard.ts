// Structural pre-check of an Avro binary body against the writer schema, run before
// avsc decodes it. avsc trusts block counts: a few garbage bytes announcing 5e7 array
// items make it loop for seconds and allocate gigabytes (measured with avsc 5.7.9).
// The guard walks the bytes without allocating and rejects any count, length, union
// or enum index that the remaining bytes cannot hold.
import avsc from 'avsc';

/** Returned by a guard: the body ended before the value did. */
export const PAST_END = -1;
/** Returned by a guard: a length, count, index or boolean byte is impossible. */
export const MALFORMED = -2;

/** Returns the position after the value starting at `pos`, or PAST_END / MALFORMED. */
export type BodyGuard = (buf: Buffer, pos: number) => number;

// Zero-byte items (null, empty records) cannot be bounded by the remaining length; no
// schema here has them, so more than this many in one array or map is taken as garbage.
const MAX_ZERO_SIZE_ITEMS = 65_536;
const MAX_VARINT_BYTES = 10;

// Out-parameter of readLong; avoids allocating a {value, pos} pair per varint.
let longValue = 0;

function readLong(buf: Buffer, pos: number): number {
  let raw = 0;
  let scale = 1;
  for (let i = pos; i < buf.length; i++) {
    if (i - pos >= MAX_VARINT_BYTES) return MALFORMED;
    const byte = buf[i];
    raw += (byte & 0x7f) * scale;
    scale *= 128;
    if ((byte & 0x80) === 0) {
      // Zig-zag; the sign is the low bit of the first byte (exact even above 2^53).
      longValue = (buf[pos] & 1) === 1 ? -(raw + 1) / 2 : raw / 2;
      return i + 1;
    }
  }
  return PAST_END;
}

const skipNothing: BodyGuard = (_buf, pos) => pos;
const skipLong: BodyGuard = readLong;

const skipBoolean: BodyGuard = (buf, pos) => {
  if (pos >= buf.length) return PAST_END;
  return buf[pos] <= 1 ? pos + 1 : MALFORMED;
};

const skipLengthPrefixed: BodyGuard = (buf, pos) => {
  const next = readLong(buf, pos);
  if (next < 0) return next;
  if (longValue < 0) return MALFORMED;
  return next + longValue <= buf.length ? next + longValue : PAST_END;
};

function skipFixed(size: number): BodyGuard {
  return (buf, pos) => (pos + size <= buf.length ? pos + size : PAST_END);
}

function skipIndexed(count: number, branches?: readonly BodyGuard[]): BodyGuard {
  return (buf, pos) => {
    const next = readLong(buf, pos);
    if (next < 0) return next;
    if (longValue < 0 || longValue >= count) return MALFORMED;
    return branches ? branches[longValue](buf, next) : next;
  };
}

function skipSequence(guards: readonly BodyGuard[]): BodyGuard {
  return (buf, pos) => {
    let p = pos;
    for (let i = 0; i < guards.length && p >= 0; i++) p = guards[i](buf, p);
    return p;
  };
}

function skipBlocks(item: BodyGuard, itemMinSize: number): BodyGuard {
  return (buf, pos) => {
    let p = pos;
    let total = 0;
    for (;;) {
      p = readLong(buf, p);
      if (p < 0) return p;
      let count = longValue;
      if (count === 0) return p;
      if (count < 0) {
        count = -count;
        p = readLong(buf, p); // block size in bytes, unused
        if (p < 0) return p;
      }
      total += count;
      if (itemMinSize === 0 && total > MAX_ZERO_SIZE_ITEMS) return MALFORMED;
      if (count * itemMinSize > buf.length - p) return PAST_END;
      for (let i = 0; i < count && p >= 0; i++) p = item(buf, p);
      if (p < 0) return p;
    }
  };
}

/** Smallest encoded size of a value of `type`, in bytes. */
function minSize(type: avsc.Type): number {
  if (type instanceof avsc.types.LogicalType) return minSize(type.underlyingType);
  if (type instanceof avsc.types.RecordType) return type.fields.reduce((sum, f) => sum + minSize(f.type), 0);
  if (type instanceof avsc.types.FixedType) return type.size;
  switch (type.typeName) {
    case 'null':
      return 0;
    case 'float':
      return 4;
    case 'double':
      return 8;
    default:
      return 1;
  }
}

function compileRecord(type: avsc.types.RecordType, memo: Map<avsc.Type, BodyGuard>): BodyGuard {
  // Registered before the fields are compiled so that recursive references resolve.
  let fields: BodyGuard = skipNothing;
  const guard: BodyGuard = (buf, pos) => fields(buf, pos);
  memo.set(type, guard);
  fields = skipSequence(type.fields.map((f) => compileGuard(f.type, memo)));
  return guard;
}

function compileComposite(type: avsc.Type, memo: Map<avsc.Type, BodyGuard>): BodyGuard | undefined {
  if (type instanceof avsc.types.LogicalType) return compileGuard(type.underlyingType, memo);
  if (type instanceof avsc.types.RecordType) return compileRecord(type, memo);
  if (type instanceof avsc.types.FixedType) return skipFixed(type.size);
  if (type instanceof avsc.types.EnumType) return skipIndexed(type.symbols.length);
  if (type instanceof avsc.types.ArrayType)
    return skipBlocks(compileGuard(type.itemsType, memo), minSize(type.itemsType));
  if (type instanceof avsc.types.MapType) {
    const values = type.valuesType as avsc.Type;
    return skipBlocks(skipSequence([skipLengthPrefixed, compileGuard(values, memo)]), 1 + minSize(values));
  }
  if (type instanceof avsc.types.UnwrappedUnionType || type instanceof avsc.types.WrappedUnionType) {
    return skipIndexed(
      type.types.length,
      type.types.map((t) => compileGuard(t, memo)),
    );
  }
  return undefined;
}

const PRIMITIVE_GUARDS: Readonly<Record<string, BodyGuard>> = {
  null: skipNothing,
  boolean: skipBoolean,
  int: skipLong,
  long: skipLong,
  float: skipFixed(4),
  double: skipFixed(8),
  bytes: skipLengthPrefixed,
  string: skipLengthPrefixed,
};

/** Compiles a guard for `type` (the writer schema). Memoised per type for recursion. */
export function compileGuard(type: avsc.Type, memo = new Map<avsc.Type, BodyGuard>()): BodyGuard {
  const known = memo.get(type);
  if (known) return known;
  const guard = compileComposite(type, memo) ?? PRIMITIVE_GUARDS[type.typeName];
  if (!guard) throw new Error(`body guard: unsupported Avro type ${type.typeName}`);
  memo.set(type, guard);
  return guard;
}
