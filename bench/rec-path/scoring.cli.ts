/**
 * The scoring micro-benchmark alone, without the stack: the Spotify dataset read straight
 * from the CSV (rows merged by track id with the importer's rules) or a generated catalog,
 * users seeded as in the recommendation-path scenario, then runScoring and the engine latency.
 *
 *   npm run build && node dist/bench/rec-path/scoring.cli.js [--seconds 5] [--users 200] [--generated 1000000]
 */
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { mergeByTrackId, type CatalogTrackRow } from '../../src/catalog/catalog-track.js';
import { toDomainTrack } from '../../src/catalog/domain-track.js';
import { generatedRows } from '../../src/catalog/generated-catalog.js';
import { readSpotifyCsv } from '../../src/catalog/spotify-csv.source.js';
import { buildCatalogIndex } from '../../src/domain/catalog-index.js';
import type { Track } from '../../src/domain/types.js';
import { spotifyDatasetPath } from './catalog.js';
import { engineLatency, runScoring } from './scoring.micro.js';
import { buildUsers } from './users.js';

async function spotifyTracks(path: string): Promise<Track[]> {
  const rows: CatalogTrackRow[] = [];
  for await (const item of readSpotifyCsv(createReadStream(path))) if (item.kind === 'row') rows.push(item.row);
  return mergeByTrackId(rows).map(toDomainTrack);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '5' },
      users: { type: 'string', default: '200' },
      generated: { type: 'string' },
    },
  });
  const path = spotifyDatasetPath();
  const tracks = values.generated
    ? [...generatedRows({ count: Number(values.generated), seed: `bench-${values.generated}` })].map(toDomainTrack)
    : path
      ? await spotifyTracks(path)
      : null;
  if (!tracks) throw new Error('Spotify dataset not found; pass --generated <count>');
  const started = performance.now();
  const index = buildCatalogIndex(tracks);
  const buildMs = performance.now() - started;
  const now = Date.now();
  const users = buildUsers({ tracks: index.tracks, users: Number(values.users), eventsPerUser: 60, now });
  const scoring = runScoring({ index, users, seconds: Number(values.seconds), now });
  const engineMs = engineLatency({ index, users, requests: 200, now });
  console.log(JSON.stringify({ catalogBuildMs: Math.round(buildMs), scoring, engineMs }, null, 2));
}

await main();
