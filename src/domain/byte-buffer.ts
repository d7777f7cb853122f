/** Little-endian binary writer/reader over DataView, for compact persisted state. */
import { DomainValidationError } from './types.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export class ByteWriter {
  private buf = new Uint8Array(1024);
  private view = new DataView(this.buf.buffer);
  private pos = 0;

  private reserve(n: number): number {
    if (this.pos + n > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
      grown.set(this.buf);
      this.buf = grown;
      this.view = new DataView(grown.buffer);
    }
    const at = this.pos;
    this.pos += n;
    return at;
  }

  u8(x: number): this {
    const at = this.reserve(1); // reserve first: it may replace this.view
    this.view.setUint8(at, x);
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

  str(x: string): this {
    const bytes = encoder.encode(x);
    this.u32(bytes.length);
    const at = this.reserve(bytes.length);
    this.buf.set(bytes, at);
    return this;
  }

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
