/**
 * Streams the lines of a text file (plain or gzip, detected by magic bytes). Holds one
 * chunk plus one partial line in memory, so a multi-GB log reads in constant memory.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { decompressIfGzip } from '../catalog/input-bytes.js';

export interface TextLine {
  /** 1-based physical line number. */
  readonly lineNumber: number;
  /** The line without its terminator (LF or CRLF). */
  readonly text: string;
}

export async function* readLines(input: Readable): AsyncGenerator<TextLine> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let lineNumber = 0;
  for await (const chunk of decompressIfGzip(input)) {
    const text = carry + decoder.write(chunk);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      yield { lineNumber: ++lineNumber, text: withoutCr(text.slice(start, nl)) };
      start = nl + 1;
    }
    carry = text.slice(start);
  }
  // A last line without a terminator is still a line; a final LF does not start a new one.
  const rest = carry + decoder.end();
  if (rest.length > 0) yield { lineNumber: ++lineNumber, text: withoutCr(rest) };
}

function withoutCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
