/** Little-endian binary writer/reader over DataView, for compact persisted state. */
import { DomainValidationError } from './types.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** One growing scratch area shared by all writers: encoding runs to completion synchronously. */
let scratch = new Uint8Array(64 * 1024);

export class ByteWriter {
  private buf = scratch;
  private view = new DataView(scratch.buffer);
  private pos = 0;

  private reserve(n: number): number {
    if (this.pos + n > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
      grown.set(this.buf.subarray(0, this.pos));
      this.buf = grown;
      this.view = new DataView(grown.buffer);
      scratch = grown;
    }
    const at = this.pos;
    this.pos += n;
    return at;
  }

  u8(x: number): this {
    const at = this.reserve(1); // reserve first: it may replace this.view
    this.buf[at] = x;
    return this;
  }

  u32(x: number): this {
    if (!Number.isInteger(x) || x < 0 || x > 0xffffffff) throw new RangeError(`u32 out of range: ${x}`);
    const at = this.reserve(4);
    this.view.setUint32(at, x, true);
    return this;
  }

  f64(x: number): this {
    const at = this.reserve(8);
    this.view.setFloat64(at, x, true);
    return this;
  }

  /** u32 byte length + UTF-8; ASCII (track ids, state keys) is copied without an encoder call. */
  str(x: string): this {
    const n = x.length;
    const at = this.reserve(4 + n);
    let i = 0;
    for (; i < n; i++) {
      const c = x.charCodeAt(i);
      if (c > 0x7f) break;
      this.buf[at + 4 + i] = c;
    }
    if (i === n) {
      this.view.setUint32(at, n, true);
      return this;
    }
    this.pos = at; // not ASCII: give the reservation back and encode properly
    const bytes = encoder.encode(x);
    this.u32(bytes.length);
    this.buf.set(bytes, this.reserve(bytes.length));
    return this;
  }

  /** A copy of what was written (the scratch area is reused by the next writer). */
  bytes(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

export class ByteReader {
  private readonly view: DataView;
  private pos = 0;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  fail(reason: string): never {
    throw new DomainValidationError('corrupt-state', `cannot decode state at byte ${this.pos}: ${reason}`);
  }

  private take(n: number): number {
    if (this.pos + n > this.bytes.length) this.fail(`needs ${n} more bytes, has ${this.bytes.length - this.pos}`);
    const at = this.pos;
    this.pos += n;
    return at;
  }

  u8(): number {
    return this.view.getUint8(this.take(1));
  }

  u32(): number {
    return this.view.getUint32(this.take(4), true);
  }

  f64(): number {
    return this.view.getFloat64(this.take(8), true);
  }

  /** A u32 element count, checked against the bytes left so a corrupt count fails fast. */
  count(minBytesEach: number): number {
    const n = this.u32();
    if (n * minBytesEach > this.bytes.length - this.pos) this.fail(`count ${n} exceeds the remaining bytes`);
    return n;
  }

  str(): string {
    const n = this.u32();
    const at = this.take(n);
    try {
      return decoder.decode(this.bytes.subarray(at, at + n));
    } catch (err) {
      return this.fail(`invalid UTF-8 (${(err as Error).message})`);
    }
  }

  /** Trailing bytes mean the writer and reader disagree on the layout. */
  end(): void {
    if (this.pos !== this.bytes.length) this.fail(`${this.bytes.length - this.pos} trailing bytes`);
  }
}
