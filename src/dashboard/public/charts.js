// Tiny SVG charts for the dashboard: time-series lines and stacked bars, redrawn whole on
// every poll (a few hundred points, far below what needs incremental drawing).
const NS = 'http://www.w3.org/2000/svg';
const PAD = { left: 44, right: 8, top: 8, bottom: 18 };

function el(name, attrs, text) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function frame(svg) {
  const w = svg.clientWidth || 400;
  const h = svg.clientHeight || 150;
  svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
  svg.replaceChildren();
  return { w, h, innerW: w - PAD.left - PAD.right, innerH: h - PAD.top - PAD.bottom };
}

const clock = (t) => new Date(t).toLocaleTimeString([], { hour12: false });

function axes(svg, f, { t0, t1, yMax, format }) {
  for (const frac of [0, 0.5, 1]) {
    const y = PAD.top + f.innerH * (1 - frac);
    svg.append(el('line', { class: 'grid', x1: PAD.left, x2: f.w - PAD.right, y1: y, y2: y }));
    svg.append(el('text', { x: PAD.left - 4, y: y + 3, 'text-anchor': 'end' }, format(yMax * frac)));
  }
  svg.append(el('text', { x: PAD.left, y: f.h - 4 }, clock(t0)));
  svg.append(el('text', { x: f.w - PAD.right, y: f.h - 4, 'text-anchor': 'end' }, clock(t1)));
}

function empty(svg, f, message = 'no data yet') {
  svg.append(el('text', { class: 'empty', x: f.w / 2, y: f.h / 2, 'text-anchor': 'middle' }, message));
}

/** series: [{ name, color, values: [[t, v|null]] }]; a null breaks the line. */
export function lineChart(svg, { series, yMin = 0, format = (v) => v.toFixed(0), floor = 1 }) {
  const f = frame(svg);
  const all = series.flatMap((s) => s.values).filter(([, v]) => v !== null && Number.isFinite(v));
  if (all.length === 0) return empty(svg, f);
  const times = series.flatMap((s) => s.values.map(([t]) => t));
  const t0 = Math.min(...times);
  const t1 = Math.max(t0 + 1, ...times);
  const yMax = Math.max(floor, ...all.map(([, v]) => v)) * 1.1;
  axes(svg, f, { t0, t1, yMax, format });
  const x = (t) => PAD.left + ((t - t0) / (t1 - t0)) * f.innerW;
  const y = (v) => PAD.top + f.innerH * (1 - (v - yMin) / (yMax - yMin));
  for (const s of series) {
    let d = '';
    let pen = 'M';
    for (const [t, v] of s.values) {
      if (v === null || !Number.isFinite(v)) {
        pen = 'M';
        continue;
      }
      d += `${pen}${x(t).toFixed(1)},${y(v).toFixed(1)} `;
      pen = 'L';
    }
    const path = el('path', { class: 'series', d: d.trim(), stroke: s.color });
    path.append(el('title', {}, s.name));
    svg.append(path);
    // A value between two gaps has no segment to draw: show it as a dot.
    const known = (i) => i >= 0 && i < s.values.length && s.values[i][1] !== null && Number.isFinite(s.values[i][1]);
    s.values.forEach(([t, v], i) => {
      if (known(i) && !known(i - 1) && !known(i + 1)) {
        svg.append(el('circle', { class: 'dot', cx: x(t).toFixed(1), cy: y(v).toFixed(1), r: 2.5, fill: s.color }));
      }
    });
  }
}

/** points: [{ t, parts: { name: count } }], stacked in `order`. */
export function stackedBars(svg, { points, order, colors }) {
  const f = frame(svg);
  const totals = points.map((p) => order.reduce((n, k) => n + (p.parts[k] ?? 0), 0));
  if (points.length === 0 || Math.max(0, ...totals) === 0) return empty(svg, f, 'no rewards yet');
  const yMax = Math.max(...totals) * 1.1;
  const t0 = points[0].t;
  const t1 = Math.max(t0 + 1, points[points.length - 1].t);
  axes(svg, f, { t0, t1, yMax, format: (v) => v.toFixed(0) });
  const barW = Math.max(1, f.innerW / Math.max(points.length, 30) - 1);
  points.forEach((p, i) => {
    const cx = PAD.left + (points.length === 1 ? f.innerW / 2 : ((p.t - t0) / (t1 - t0)) * (f.innerW - barW));
    let base = 0;
    for (const k of order) {
      const n = p.parts[k] ?? 0;
      if (n <= 0) continue;
      const h = (n / yMax) * f.innerH;
      const top = PAD.top + f.innerH - ((base + n) / yMax) * f.innerH;
      const rect = el('rect', {
        x: cx.toFixed(1),
        y: top.toFixed(1),
        width: barW.toFixed(1),
        height: h.toFixed(1),
        fill: colors[k] ?? '#888',
      });
      rect.append(el('title', {}, `${k}: ${n} at ${clock(p.t)} (#${i + 1})`));
      svg.append(rect);
      base += n;
    }
  });
}
