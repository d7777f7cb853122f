// The dashboard's live part: polls /dashboard/api/overview and redraws the numbers and
// charts. The gateway computes rates and percentiles; this file only formats and draws.
import { lineChart, stackedBars } from './charts.js';
import { startInspector } from './inspector.js';

const FEEDBACK = ['play', 'like', 'save', 'add_to_playlist', 'repeat', 'share', 'skip', 'dislike'];
const COLORS = {
  play: '#58a6ff',
  like: '#4cc38a',
  save: '#2f81f7',
  add_to_playlist: '#a371f7',
  repeat: '#39c5cf',
  share: '#d29922',
  skip: '#f0883e',
  dislike: '#e5534b',
};

const $ = (id) => document.getElementById(id);
const fixed = (v, digits) => (v === null || v === undefined ? '–' : v.toFixed(digits));
const rate = (v) => (v === null || v === undefined ? '–' : v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en'));
const count = (v) => (v === null || v === undefined ? '–' : Math.round(v).toLocaleString('en'));
const last = (points, pick) => {
  for (let i = points.length - 1; i >= 0; i--) if (pick(points[i]) !== null) return pick(points[i]);
  return null;
};

function renderSources(sources) {
  $('sources').replaceChildren(
    ...sources.map((s) => {
      const chip = document.createElement('span');
      chip.className = `source ${s.up ? 'up' : 'down'}`;
      chip.textContent = s.name;
      chip.title = s.up ? s.url : `${s.url}: ${s.error}`;
      return chip;
    }),
  );
}

function renderStats({ totals, points }) {
  const latency = last(points, (p) => p.latencyMs);
  const hit = last(points, (p) => p.cacheHitRate);
  $('stat-events-rate').textContent = rate(last(points, (p) => p.eventsPerSecond));
  $('stat-events-total').textContent = count(totals?.eventsApplied);
  $('stat-lag').textContent = count(totals?.lag);
  $('stat-p95').textContent = latency ? `${fixed(latency.p95, 1)} ms` : '–';
  $('stat-hit-rate').textContent = hit === null ? '–' : `${(hit * 100).toFixed(0)} %`;
  $('stat-rate-limited').textContent = rate(last(points, (p) => p.rateLimitedPerSecond));
}

function renderCharts({ totals, points }) {
  const line = (key) => points.map((p) => [p.t, p[key]]);
  lineChart($('chart-events'), {
    series: [{ name: 'events/s', color: '#4cc38a', values: line('eventsPerSecond') }],
    format: (v) => v.toFixed(v < 10 ? 1 : 0),
  });
  lineChart($('chart-lag'), { series: [{ name: 'lag', color: '#e5a50a', values: line('lag') }] });
  const pct = (q) => points.map((p) => [p.t, p.latencyMs ? p.latencyMs[q] : null]);
  lineChart($('chart-latency'), {
    series: [
      { name: 'p50', color: '#4cc38a', values: pct('p50') },
      { name: 'p95', color: '#e5a50a', values: pct('p95') },
      { name: 'p99', color: '#e5534b', values: pct('p99') },
    ],
    format: (v) => v.toFixed(v < 10 ? 1 : 0),
  });
  $('latency-source').textContent = totals?.latencySource ? `· p50 / p95 / p99, ${totals.latencySource}` : '';
  const hits = points.map((p) => [p.t, p.cacheHitRate === null ? null : p.cacheHitRate * 100]);
  lineChart($('chart-cache'), { series: [{ name: 'hit rate %', color: '#58a6ff', values: hits }], floor: 100 / 1.1 });
  lineChart($('chart-rate-limit'), {
    series: [{ name: 'rejections/s', color: '#e5534b', values: line('rateLimitedPerSecond') }],
    format: (v) => v.toFixed(1),
  });
  const parts = points.map((p) => ({
    t: p.t,
    parts: Object.fromEntries(Object.entries(p.rewards).map(([k, r]) => [k, r.count])),
  }));
  stackedBars($('chart-rewards'), { points: parts, order: FEEDBACK, colors: COLORS });
  renderRewardLegend(totals?.rewards ?? {});
}

function renderRewardLegend(rewards) {
  const items = FEEDBACK.filter((k) => rewards[k]?.count > 0).map((k) => {
    const r = rewards[k];
    const item = document.createElement('span');
    item.innerHTML = `<i style="background:${COLORS[k]}"></i>`;
    item.append(`${k} ${count(r.count)} · mean ${(r.sum / r.count).toFixed(2)}`);
    return item;
  });
  $('reward-legend').replaceChildren(...items);
}

async function poll() {
  let next = 2000;
  try {
    const res = await fetch('/dashboard/api/overview', { cache: 'no-store' });
    if (!res.ok) throw new Error(`overview answered ${res.status}`);
    const overview = await res.json();
    next = Math.max(1000, overview.intervalMs);
    renderSources(overview.sources);
    renderStats(overview);
    renderCharts(overview);
    $('updated').textContent =
      `updated ${new Date(overview.generatedAt).toLocaleTimeString([], { hour12: false })} · every ${(next / 1000).toFixed(1)} s`;
    document.body.dataset.samples = String(overview.points.length);
  } catch (error) {
    $('updated').textContent = `cannot load data: ${error.message}`;
  }
  setTimeout(poll, next);
}

startInspector();
poll();
