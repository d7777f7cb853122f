/** The product's engagement goals (what the summary's `goals` are checked against). */
export type GoalMetric = 'playedShare' | 'newArtistsPerMonth' | 'genreEntropyBits';

export interface Goal {
  readonly metric: GoalMetric;
  readonly label: string;
  readonly target: number;
  /** '>' strictly above the target, '>=' at least the target. */
  readonly comparison: '>' | '>=';
}

export const ENGAGEMENT_GOALS: readonly Goal[] = Object.freeze([
  { metric: 'playedShare', label: 'recommended tracks played > 30 s', target: 0.6, comparison: '>' },
  { metric: 'newArtistsPerMonth', label: 'new artists discovered per month', target: 5, comparison: '>=' },
  { metric: 'genreEntropyBits', label: 'entropy of recommended genres (bits)', target: 3.5, comparison: '>' },
]);
