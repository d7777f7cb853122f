import type { Readable } from 'node:stream';
import type { SourceItem } from './catalog-track.js';
import { CatalogInputError } from './catalog-import.error.js';
import { isMalformed, parseCsv } from './csv-parser.js';
import { mapSpotifyRow, readSpotifyHeader } from './spotify-csv.js';

/**
 * Turns the Spotify dataset CSV (plain or gzip) into source items. A bad header is
 * fatal (thrown before any row); bad rows are yielded as `bad` items with their line.
 */
export async function* readSpotifyCsv(input: Readable): AsyncGenerator<SourceItem> {
  const records = parseCsv(input);
  const first = await records.next();
  if (first.done) throw new CatalogInputError('the CSV input is empty (no header line)');
  if (isMalformed(first.value)) throw new CatalogInputError(`malformed header line: ${first.value.error}`);
  const header = readSpotifyHeader(first.value.fields);
  for await (const record of records) {
    if (isMalformed(record)) {
      yield { kind: 'bad', lineNumber: record.lineNumber, reason: record.error };
      continue;
    }
    const mapped = mapSpotifyRow(record.fields, header);
    yield mapped.ok
      ? { kind: 'row', lineNumber: record.lineNumber, row: mapped.row }
      : { kind: 'bad', lineNumber: record.lineNumber, reason: mapped.reason };
  }
}
