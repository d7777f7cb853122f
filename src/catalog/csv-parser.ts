/**
 * Streaming RFC-4180 CSV reader. Holds at most one chunk plus the record being
 * assembled in memory. Malformed records are yielded as `{ lineNumber, error }` and
 * parsing resumes on the next line, so one bad row never loses the whole import.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { decompressIfGzip } from './input-bytes.js';

export interface CsvRow {
  /** 1-based physical line where the record starts (the header is line 1). */
  readonly lineNumber: number;
  readonly fields: string[];
}

export interface CsvMalformed {
  readonly lineNumber: number;
  readonly error: string;
}

export type CsvItem = CsvRow | CsvMalformed;

export function isMalformed(item: CsvItem): item is CsvMalformed {
  return 'error' in item;
}

/** Parses `input` (plain or gzip, detected by magic bytes) into records. */
export async function* parseCsv(input: Readable): AsyncGenerator<CsvItem> {
  const decoder = new StringDecoder('utf8');
  const assembler = new RecordAssembler();
  let carry = '';
  let first = true;
  for await (const chunk of decompressIfGzip(input)) {
    let text = carry + decoder.write(chunk);
    if (first && text.length > 0) {
      // A UTF-8 BOM would otherwise become part of the first header name.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      const item = assembler.line(text, start, nl);
      if (item) yield item;
      start = nl + 1;
    }
    carry = text.slice(start);
  }
  const rest = carry + decoder.end();
  if (rest.length > 0) {
    const item = assembler.line(rest, 0, rest.length);
    if (item) yield item;
  }
  const open = assembler.end();
  if (open) yield open;
}

/**
 * Assembles records from physical lines. State carries across lines only while a
 * quoted field is open (a field spanning lines).
 */
class RecordAssembler {
  private lineNo = 0;
  private startLine = 0;
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;

  /** Feeds text[from, to) — one physical line; `to` is the index of its '\n' or the end. */
  line(text: string, from: number, to: number): CsvItem | null {
    this.lineNo++;
    const crlf = to > from && text.charCodeAt(to - 1) === 13;
    const line = text.slice(from, crlf ? to - 1 : to);
    if (!this.inQuotes) {
      this.startLine = this.lineNo;
      // Blank lines carry no record (common CSV practice; RFC-4180 is silent).
      if (line.length === 0) return null;
      // Fast path: most lines have no quotes at all.
      if (line.indexOf('"') === -1) return { lineNumber: this.lineNo, fields: line.split(',') };
    }
    const outcome = this.scan(line, crlf ? '\r\n' : '\n');
    if (outcome === 'open') return null;
    const lineNumber = this.startLine;
    const fields = this.fields;
    this.reset();
    return outcome === 'complete' ? { lineNumber, fields } : { lineNumber, error: outcome };
  }

  /** At end of input: an unterminated quoted field is a malformed record. */
  end(): CsvMalformed | null {
    if (!this.inQuotes) return null;
    const lineNumber = this.startLine;
    this.reset();
    return {
      lineNumber,
      error: `unterminated quoted field (opened on line ${lineNumber}, still open at end of input)`,
    };
  }

  private reset(): void {
    this.fields = [];
    this.field = '';
    this.inQuotes = false;
  }

  /** Returns 'complete', 'open' (quoted field continues on the next line) or an error message. */
  private scan(line: string, terminator: string): string {
    let i = 0;
    for (;;) {
      if (this.inQuotes) {
        const q = line.indexOf('"', i);
        if (q === -1) {
          this.field += line.slice(i) + terminator;
          return 'open';
        }
        if (line.charCodeAt(q + 1) === 34) {
          this.field += line.slice(i, q + 1); // `""` is one literal quote
          i = q + 2;
          continue;
        }
        this.fields.push(this.field + line.slice(i, q));
        this.field = '';
        this.inQuotes = false;
        i = q + 1;
        if (i === line.length) return 'complete';
        if (line.charCodeAt(i) !== 44) return `unexpected character after closing quote at column ${i + 1}`;
        i++;
        if (i === line.length) {
          this.fields.push('');
          return 'complete';
        }
      } else if (line.charCodeAt(i) === 34) {
        this.inQuotes = true;
        i++;
      } else {
        const comma = line.indexOf(',', i);
        const end = comma === -1 ? line.length : comma;
        const value = line.slice(i, end);
        if (value.indexOf('"') !== -1) return `quote inside unquoted field at column ${i + value.indexOf('"') + 1}`;
        this.fields.push(value);
        if (comma === -1) return 'complete';
        i = comma + 1;
      }
    }
  }
}
