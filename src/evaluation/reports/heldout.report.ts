/** Markdown summary of a held-out-artists result. */
import { DEPTH_BUCKETS } from '../scenarios/heldout-scores.js';
import type { HeldoutResult } from '../scenarios/heldout-artists.scenario.js';
import { percent, table, withError } from './markdown.js';

export function heldoutMarkdown(r: HeldoutResult, inputs: readonly string[]): string {
  const c = r.counts;
  const rows = (part: 'train' | 'test'): string => {
    const { matched, unmatched } = c.rows[part];
    return `${matched} matched, ${unmatched} unmatched (${percent(matched, matched + unmatched)} matched)`;
  };
  const methods = Object.entries(r.methods);
  const overall = table(
    ['method', 'users', 'recall@10', 'recall@50', 'NDCG@50', 'genre entropy (bits)', 'known-artist share'],
    methods.map(([m, s]) => [
      m,
      String(s.all.users),
      withError(s.all.recallAt10),
      withError(s.all.recallAt50),
      withError(s.all.ndcgAt50),
      withError(s.all.genreEntropyBits, 2),
      withError(s.all.knownArtistShare),
    ]),
  );
  const byDepth = table(
    ['method', ...DEPTH_BUCKETS.map((b) => `${b.name} known (n=${c.usersByDepth[b.name] ?? 0}) recall@50 / NDCG@50`)],
    methods.map(([m, s]) => [
      m,
      ...DEPTH_BUCKETS.map(
        (b) => `${withError(s.byDepth[b.name].recallAt50)} / ${withError(s.byDepth[b.name].ndcgAt50)}`,
      ),
    ]),
  );
  return [
    `# Held-out artists (HetRec 2011 Last.fm 2K, seed ${r.seed})`,
    inputs.map((line) => `- ${line}`).join('\n'),
    [
      `- users in file: ${c.usersInFile}; selected: ${c.usersSelected}; evaluated: ${c.usersEvaluated}; without held-out artists (1 artist): ${c.usersWithoutHeldOut}; no held-out artist in the catalog: ${c.usersWithoutMatchedHeldOut}`,
      `- training rows: ${rows('train')}`,
      `- held-out rows: ${rows('test')}`,
      `- distinct artists: ${c.distinctArtists.matched} matched, ${c.distinctArtists.unmatched} unmatched`,
    ].join('\n'),
    '## All evaluated users (mean ± standard error)',
    overall,
    '## By cold-start depth (matched training artists)',
    byDepth,
    '',
  ].join('\n\n');
}
