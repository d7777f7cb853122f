import { loadConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/config/env-parser.js';

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('observability config', () => {
  it('has no ops server by default, samples every 5 s and polls the dashboard every 2 s', () => {
    expect(loadConfig({}).observability).toEqual({
      metricsPort: null,
      sampleIntervalMs: 5000,
      dashboardSources: [],
      dashboardPollMs: 2000,
    });
  });

  it.each([
    ['9464', 9464],
    ['0', 0],
    ['', null],
  ])('METRICS_PORT=%j → %j', (raw, port) => {
    expect(loadConfig({ METRICS_PORT: raw }).observability.metricsPort).toBe(port);
  });

  it('reads named dashboard sources', () => {
    const c = loadConfig({
      DASHBOARD_METRICS_URLS: 'learner=http://127.0.0.1:9464/metrics, recommender=https://rec.internal:9465/metrics',
      METRICS_SAMPLE_INTERVAL_MS: '250',
      DASHBOARD_POLL_INTERVAL_MS: '500',
    }).observability;
    expect(c.dashboardSources).toEqual([
      { name: 'learner', url: 'http://127.0.0.1:9464/metrics' },
      { name: 'recommender', url: 'https://rec.internal:9465/metrics' },
    ]);
    expect([c.sampleIntervalMs, c.dashboardPollMs]).toEqual([250, 500]);
  });

  it('names every bad key', () => {
    const problems = problemsOf({
      METRICS_PORT: '70000',
      METRICS_SAMPLE_INTERVAL_MS: '10',
      DASHBOARD_METRICS_URLS: 'learner=ftp://x',
      DASHBOARD_POLL_INTERVAL_MS: 'often',
    });
    expect(problems.map((p) => p.split('=')[0])).toEqual([
      'METRICS_PORT',
      'METRICS_SAMPLE_INTERVAL_MS',
      'DASHBOARD_METRICS_URLS',
      'DASHBOARD_POLL_INTERVAL_MS',
    ]);
    expect(problems[0]).toBe('METRICS_PORT="70000" must be in [0, 65535]');
  });

  it('refuses a source name given twice', () => {
    expect(problemsOf({ DASHBOARD_METRICS_URLS: 'a=http://h:1/metrics,a=http://h:2/metrics' })).toEqual([
      'DASHBOARD_METRICS_URLS names a twice',
    ]);
  });
});
