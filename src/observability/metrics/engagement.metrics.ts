/**
 * The engagement analytics (src/analytics) as Prometheus series, read from the consumer's
 * summary at scrape time: the overall rates, whether each product goal is met, and the
 * users counted. A rate with no data yet (null) is simply not exported.
 */
import type { Registry } from 'prom-client';
import type { EngagementSummary } from '../../analytics/engagement-summary.js';
import { readGauge } from './metrics-registry.js';

const RATES = ['playedShare', 'newArtistsPerMonth', 'genreEntropyBits', 'skipRate', 'saveRate'] as const;

export function registerEngagementMetrics(registry: Registry, summary: () => EngagementSummary): void {
  readGauge(registry, {
    name: 'music_engagement',
    help: 'Engagement over the reward stream and decision log, overall (metric = playedShare, newArtistsPerMonth, genreEntropyBits, skipRate, saveRate)',
    labelNames: ['metric'],
    read: () =>
      RATES.flatMap((metric) => {
        const value = summary().overall[metric];
        return value === null ? [] : [[{ metric }, value] as const];
      }),
  });
  readGauge(registry, {
    name: 'music_engagement_goal_met',
    help: 'Whether an engagement goal is met (1) or not (0); absent while there is no data',
    labelNames: ['metric'],
    read: () =>
      summary().goals.flatMap((g) => (g.met === null ? [] : [[{ metric: g.metric }, g.met ? 1 : 0] as const])),
  });
  readGauge(registry, {
    name: 'music_engagement_users',
    help: 'Users with at least one reward record or decision',
    read: () => [[{}, summary().overall.users]],
  });
}
