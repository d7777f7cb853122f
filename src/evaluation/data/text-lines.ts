/**
 * Streams the lines of a text file, plain or gzip (detected by magic bytes, so a `.gz`
 * needs no flag), in constant memory. Reports bytes read of the file on disk so callers
 * can show progress against its size.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { decompressIfGzip } from '../../catalog/input-bytes.js';

export interface TextLine {
  /** 1-based physical line number. */
  readonly lineNumber: number;
  readonly text: string;
}

export interface LineSource {
  readonly lines: AsyncIterable<TextLine>;
  /** Bytes of the (possibly compressed) file read so far. */
  bytesRead(): number;
}

export function openLines(path: string): LineSource {
  const file = createReadStream(path);
  const text = Readable.from(decompressIfGzip(file), { objectMode: false });
  const reader = createInterface({ input: text, crlfDelay: Infinity });
  async function* lines(): AsyncGenerator<TextLine> {
    let lineNumber = 0;
    for await (const line of reader) yield { lineNumber: ++lineNumber, text: line };
  }
  return { lines: lines(), bytesRead: () => file.bytesRead };
}
