import { Registry } from 'prom-client';
import type { EngagementSummary } from '../../analytics/engagement-summary.js';
import { registerEngagementMetrics } from './engagement.metrics.js';

describe('engagement metrics', () => {
  it('exports the overall rates, goals and users from the summary at scrape time', async () => {
    const registry = new Registry();
    const overall = {
      users: 3,
      playedShare: 0.75,
      newArtistsPerMonth: 4,
      genreEntropyBits: 3.9,
      skipRate: 0.1,
      saveRate: null,
    };
    const goals = [
      { metric: 'playedShare', met: true },
      { metric: 'newArtistsPerMonth', met: false },
      { metric: 'genreEntropyBits', met: null },
    ];
    registerEngagementMetrics(registry, () => ({ overall, goals }) as unknown as EngagementSummary);
    const text = await registry.metrics();
    expect(text).toContain('music_engagement{metric="playedShare"} 0.75');
    expect(text).toContain('music_engagement{metric="newArtistsPerMonth"} 4');
    expect(text).toContain('music_engagement{metric="skipRate"} 0.1');
    expect(text).not.toContain('metric="saveRate"');
    expect(text).toContain('music_engagement_goal_met{metric="playedShare"} 1');
    expect(text).toContain('music_engagement_goal_met{metric="newArtistsPerMonth"} 0');
    expect(text).not.toContain('music_engagement_goal_met{metric="genreEntropyBits"}');
    expect(text).toContain('music_engagement_users 3');
  });
});
