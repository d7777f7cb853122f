import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { parseCsv, type CsvItem } from './csv-parser.js';

/** Feeds `bytes` in chunks of `size`, so every case also crosses chunk boundaries. */
function chunked(bytes: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks, { objectMode: false });
}

async function parse(input: string | Buffer, chunkSize = 1 << 16): Promise<CsvItem[]> {
  const items: CsvItem[] = [];
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  for await (const item of parseCsv(chunked(bytes, chunkSize))) items.push(item);
  return items;
}

const row = (lineNumber: number, ...fields: string[]): CsvItem => ({ lineNumber, fields });

describe('parseCsv', () => {
  const cases: Array<[string, string, CsvItem[]]> = [
    ['plain LF', 'a,b\n1,2\n', [row(1, 'a', 'b'), row(2, '1', '2')]],
    ['no final newline', 'a,b\n1,2', [row(1, 'a', 'b'), row(2, '1', '2')]],
    ['CRLF', 'a,b\r\n1,2\r\n', [row(1, 'a', 'b'), row(2, '1', '2')]],
    ['empty fields', ',x,\n', [row(1, '', 'x', '')]],
    ['quoted comma', 'x,"a, b",y\n', [row(1, 'x', 'a, b', 'y')]],
    ['escaped quotes', '"say ""hi""",2\n', [row(1, 'say "hi"', '2')]],
    ['only an escaped quote', '""""\n', [row(1, '"')]],
    ['empty quoted field', '"",1\n', [row(1, '', '1')]],
    ['quoted last field then comma', '"a",\n', [row(1, 'a', '')]],
    ['field spanning lines (LF)', 'a,"line1\nline2",c\nnext\n', [row(1, 'a', 'line1\nline2', 'c'), row(3, 'next')]],
    ['field spanning lines (CRLF kept)', '"x\r\ny"\r\n', [row(1, 'x\r\ny')]],
    ['BOM stripped', '\ufeff,track_id\n0,abc\n', [row(1, '', 'track_id'), row(2, '0', 'abc')]],
    ['blank lines skipped, still counted', 'a\n\nb\n', [row(1, 'a'), row(3, 'b')]],
    ['multi-byte UTF-8', 'Beyoncé,東京\n', [row(1, 'Beyoncé', '東京')]],
    ['trailing spaces kept', 'Terra ,x\n', [row(1, 'Terra ', 'x')]],
    [
      'unterminated quote at EOF',
      'a\n"open,1\nmore\n',
      [row(1, 'a'), { lineNumber: 2, error: expect.stringContaining('unterminated quoted field') }],
    ],
    [
      'quote inside unquoted field, then recovery',
      'ab"c,1\nok\n',
      [{ lineNumber: 1, error: expect.stringContaining('quote inside unquoted field') }, row(2, 'ok')],
    ],
    [
      'junk after closing quote',
      '"a"b,1\nok\n',
      [{ lineNumber: 1, error: expect.stringContaining('after closing quote') }, row(2, 'ok')],
    ],
    ['empty input', '', []],
  ];

  it.each(cases)('%s', async (_name, input, expected) => {
    expect(await parse(input)).toEqual(expected);
  });

  it.each(cases)('%s — byte-by-byte chunks give the same records', async (_name, input, expected) => {
    expect(await parse(input, 1)).toEqual(expected);
  });

  it.each([1, 3, 64])('reads gzip input (detected by magic bytes), chunk size %i', async (size) => {
    const text = '\ufeff,a\r\n0,"x, ""y"""\n1,z';
    expect(await parse(gzipSync(Buffer.from(text)), size)).toEqual([
      row(1, '', 'a'),
      row(2, '0', 'x, "y"'),
      row(3, '1', 'z'),
    ]);
  });

  it('fails the iteration on a corrupt gzip stream', async () => {
    const gz = gzipSync(Buffer.from('a,b\n'.repeat(1000)));
    const corrupt = Buffer.concat([gz.subarray(0, 20), Buffer.alloc(40, 0xff)]);
    await expect(parse(corrupt)).rejects.toThrow();
  });

  it('counts lines across many chunks', async () => {
    const text = Array.from({ length: 5000 }, (_, i) => `${i},"v${i}, q"`).join('\n');
    const items = await parse(text, 97);
    expect(items).toHaveLength(5000);
    expect(items[4999]).toEqual(row(5000, '4999', 'v4999, q'));
  });
});
