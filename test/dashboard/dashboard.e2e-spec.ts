/**
 * The dashboard in headless Chromium (Debian's, driven by playwright-core) over the whole
 * system on an isolated environment: the real learner and recommender processes (dist/)
 * export metrics, a gateway serves the page. Events and requests posted through the
 * gateway must move the numbers and charts; the user inspector must show a user's state.
 * Set UPDATE_DOCS_SCREENSHOT=1 to refresh docs/images/dashboard.png.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { syntheticEvents, syntheticTracks } from '../../src/domain/test-fixtures.js';
import { spawnProcessor, type ChildProcessor } from '../support/child-processor.js';
import { createEventPathEnv, insertTracks, type EventPathEnv } from '../support/event-path.js';
import { freePort } from '../support/private-services.js';
import { insertProfile } from '../support/recommender-expected.js';
import { spawnRecommender, type RecommenderProcess } from '../support/recommender-process.js';
import { waitFor } from '../support/wait-for.js';
import type { Overview } from '../../src/dashboard/dashboard-sampler.js';
import { eventBody, startDashboardGateway, type DashboardGateway } from './dashboard-env.js';

const PARTITIONS = 4; // what spawnRecommender configures
const USERS = 8;
const ROUNDS = 4;
const PER_ROUND = 25;
/** Per user per minute: listeners stay far below it, one busy user goes over it once. */
const RATE_LIMIT = 40;
/** The Chromium flags this machine needs: no sandbox as root, no GPU, no calls home (closed network). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe('dashboard in a browser', () => {
  let env: EventPathEnv;
  let learner: ChildProcessor;
  let recommender: RecommenderProcess;
  let gateway: DashboardGateway;
  let browser: BrowserContext;
  let page: Page;
  let profileDir: string;
  const tracks = syntheticTracks(300, 'dashboard-catalog');

  beforeAll(async () => {
    const executablePath = execFileSync('node', ['scripts/browser/ensure-chromium.mjs'], { encoding: 'utf8' }).trim();
    env = await createEventPathEnv('dash_e2e', { partitions: PARTITIONS });
    await insertTracks(env, tracks);
    await insertProfile(env.db.pool, 'listener-0', {
      openness: 78,
      conscientiousness: 42,
      extraversion: 66,
      agreeableness: 55,
      neuroticism: 30,
    });
    const [learnerPort, recommenderPort] = [await freePort(), await freePort()];
    const fast = { METRICS_SAMPLE_INTERVAL_MS: '300' };
    learner = spawnProcessor(env, {
      id: 'dash',
      partitions: PARTITIONS,
      extraEnv: { ...fast, METRICS_PORT: String(learnerPort) },
    });
    recommender = spawnRecommender(env, {
      ...fast,
      METRICS_PORT: String(recommenderPort),
      USER_RATE_LIMIT: String(RATE_LIMIT),
    });
    const sources = `learner=http://127.0.0.1:${learnerPort}/metrics,recommender=http://127.0.0.1:${recommenderPort}/metrics`;
    gateway = await startDashboardGateway(env, { partitions: PARTITIONS, sources, pollMs: 500 });
    await waitFor(async () => (await gateway.get('/v1/users/probe/recommendations?limit=1')).status === 200, {
      timeoutMs: 90_000,
      intervalMs: 200,
      what: `the recommender to answer (log ${recommender.logFile}; learner log ${learner.logFile})`,
    });
    profileDir = mkdtempSync(join(tmpdir(), 'dashboard-chromium-'));
    browser = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 1100 },
    });
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    await gateway?.close();
    await recommender?.stop();
    await learner?.kill('SIGTERM');
    await env?.close();
  });

  const text = (selector: string): Promise<string> => page.locator(selector).innerText();
  const number = async (selector: string): Promise<number> =>
    Number((await text(selector)).replace(/[^\d.]/g, '') || NaN);
  const samples = async (): Promise<number> => Number((await page.locator('body').getAttribute('data-samples')) ?? 0);

  async function postRound(round: number): Promise<void> {
    for (let u = 0; u < USERS; u++) {
      const userId = `listener-${u}`;
      const events = syntheticEvents(userId, tracks, PER_ROUND * ROUNDS, `dash-${u}`)
        .slice(round * PER_ROUND, (round + 1) * PER_ROUND)
        .map(([e]) => eventBody({ ...e, eventId: `${userId}-${e.eventId}` }));
      const res = await gateway.post(`/v1/users/${userId}/events`, events);
      expect(res.status).toBe(202);
    }
  }

  it('shows live numbers and charts that move as events and requests arrive', async () => {
    await page.goto(`${gateway.url}/dashboard`);
    await waitFor(async () => (await samples()) >= 2, { what: 'the first chart points' });
    expect(await page.locator('#sources .source.up').allInnerTexts()).toEqual(['gateway', 'learner', 'recommender']);
    const eventsPathBefore = await page.locator('#chart-events path.series').getAttribute('d');
    let asked = 0;
    const statusesSeen = new Set<number>();
    const recommend = async (): Promise<void> => {
      statusesSeen.add((await gateway.get(`/v1/users/listener-${asked++ % USERS}/recommendations?limit=10`)).status);
    };
    for (let round = 0; round < ROUNDS; round++) {
      await postRound(round);
      const expected = USERS * PER_ROUND * (round + 1);
      // Listeners keep asking for recommendations while the learner catches up (latency, cache hits).
      await waitFor(async () => (await recommend(), (await number('#stat-events-total')) === expected), {
        timeoutMs: 60_000,
        intervalMs: 150,
        what: `the page to show ${expected} events applied`,
      });
    }
    const statuses = [];
    for (let i = 0; i < RATE_LIMIT + 1; i++)
      statuses.push((await gateway.get('/v1/users/busy/recommendations?limit=3')).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);

    await waitFor(
      async () => {
        const overview = (await (await gateway.get('/dashboard/api/overview')).json()) as Overview;
        return overview.points.some((p) => (p.rateLimitedPerSecond ?? 0) > 0);
      },
      { what: 'a sampled rate-limit rejection' },
    );
    const drawn = await samples();
    await waitFor(async () => (await samples()) > drawn, { what: 'the page to redraw' });
    await waitFor(async () => (await text('#stat-p95')).endsWith('ms'), { what: 'a latency percentile' });
    await waitFor(async () => (await text('#stat-hit-rate')).endsWith('%'), { what: 'a cache hit rate' });
    await waitFor(async () => (await page.locator('#chart-rate-limit path.series').getAttribute('d'))?.includes('L'), {
      what: 'the rate-limit chart drawn',
    });
    const eventsPathAfter = await page.locator('#chart-events path.series').getAttribute('d');
    expect(eventsPathAfter).not.toBe(eventsPathBefore);
    expect(await page.locator('#chart-latency path.series').count()).toBe(3);
    expect(await page.locator('#chart-latency circle.dot, #chart-latency path.series[d*="L"]').count()).toBeGreaterThan(
      0,
    );
    expect(await page.locator('#chart-cache circle.dot, #chart-cache path.series[d*="L"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#chart-rewards rect').count()).toBeGreaterThan(0);
    expect(await text('#reward-legend')).toMatch(/play \d+ · mean/);
  });

  it('inspects a user: Big Five, genre preferences, Q-values, latest recommendations', async () => {
    // A fresh list, ranked with everything learned (cached lists date from the first request).
    expect((await gateway.get('/v1/users/listener-0/recommendations?limit=10&refresh=true')).status).toBe(200);
    await page.fill('#inspect-user', 'listener-0');
    await page.click('#inspect-form button');
    await page.locator('#inspect-result').waitFor({ state: 'visible' });
    expect(await page.locator('#big-five .bar').count()).toBe(5);
    expect(await text('#big-five')).toContain('openness');
    expect(await page.locator('#genres .bar').count()).toBeGreaterThan(0);
    expect(await page.locator('#q-values tr').count()).toBeGreaterThan(2);
    expect(await page.locator('#recommendations tr').count()).toBe(11);
    expect(await text('#inspect-status')).toMatch(/listener-0 · model v\d+ · \d+ episodes/);

    const shot = join(tmpdir(), `${env.name}-dashboard.png`);
    await page.screenshot({ path: shot, fullPage: true });
    if (process.env.UPDATE_DOCS_SCREENSHOT === '1') copyFileSync(shot, 'docs/images/dashboard.png');
    process.stdout.write(`dashboard screenshot: ${shot}\n`);
  });
});
