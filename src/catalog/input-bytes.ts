import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** RFC 1952 member header: ID1 ID2. */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

/**
 * Yields the bytes of `input`, gunzipped when they start with the gzip magic
 * (so a misnamed file still works and `.gz` needs no flag). Streams; nothing is buffered
 * beyond the first two bytes needed to decide.
 */
export async function* decompressIfGzip(input: Readable): AsyncGenerator<Buffer> {
  const it = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  let head = Buffer.alloc(0);
  while (head.length < GZIP_MAGIC.length) {
    const next = await it.next();
    if (next.done) break;
    head = Buffer.concat([head, toBuffer(next.value)]);
  }
  const all = chain(head, it);
  if (!isGzip(head)) {
    yield* all;
    return;
  }
  const source = Readable.from(all, { objectMode: false });
  const gunzip = createGunzip();
  // pipe() does not forward errors; a read error must fail the gunzip iteration.
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } finally {
    source.destroy();
    input.destroy();
  }
}

export function isGzip(head: Buffer): boolean {
  return head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

async function* chain(head: Buffer, rest: AsyncIterator<Buffer | string>): AsyncGenerator<Buffer> {
  if (head.length > 0) yield head;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield toBuffer(next.value);
  }
}

function toBuffer(chunk: Buffer | string): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}
