/**
 * A line chart over categorical x positions (1k, 10k, 100k users…: evenly spaced, so a
 * 100× range stays readable without a log axis), rendered to PNG with the bitmap font.
 */
import { Canvas, type Rgb } from './canvas.js';

export interface Series {
  readonly name: string;
  /** One value per x label; null where not measured. */
  readonly values: ReadonlyArray<number | null>;
  readonly color: Rgb;
}

export interface ReferenceLine {
  readonly label: string;
  readonly value: number;
  readonly color: Rgb;
}

export interface LineChart {
  readonly title: string;
  readonly subtitle?: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly xLabels: readonly string[];
  readonly series: readonly Series[];
  readonly references?: readonly ReferenceLine[];
}

export const COLORS = {
  blue: [31, 119, 180],
  orange: [255, 127, 14],
  green: [44, 160, 44],
  red: [214, 39, 40],
  purple: [148, 103, 189],
  grey: [120, 120, 120],
} as const satisfies Record<string, Rgb>;

const W = 960;
const H = 600;
const PLOT = { left: 110, right: W - 40, top: 90, bottom: H - 150 };

/** 1, 2 or 5 × 10^k: the smallest such step giving at most ~6 ticks. */
export function niceStep(max: number): number {
  const raw = max / 6;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
}

export function shortNumber(v: number): string {
  if (Math.abs(v) >= 1e6) return `${+(v / 1e6).toFixed(2)}M`;
  if (Math.abs(v) >= 1e3) return `${+(v / 1e3).toFixed(1)}K`;
  return `${+v.toFixed(v < 10 ? 2 : 1)}`;
}

export function renderLineChart(chart: LineChart): Buffer {
  const c = new Canvas(W, H);
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const dataMax = Math.max(1e-9, ...values);
  // A target far above the data would flatten every line: it is then only named in the legend.
  const shown = (chart.references ?? []).filter((r) => r.value <= 3 * dataMax);
  const top = Math.max(dataMax, ...shown.map((r) => r.value)) * 1.15;
  const step = niceStep(top);
  const yMax = Math.ceil(top / step) * step;
  const n = chart.xLabels.length;
  const xAt = (i: number): number =>
    n === 1 ? (PLOT.left + PLOT.right) / 2 : PLOT.left + 40 + (i * (PLOT.right - PLOT.left - 80)) / (n - 1);
  const yAt = (v: number): number => PLOT.bottom - (v / yMax) * (PLOT.bottom - PLOT.top);

  c.text(chart.title, W / 2, 18, { scale: 3, align: 'center' });
  if (chart.subtitle) c.text(chart.subtitle, W / 2, 50, { scale: 2, align: 'center', color: COLORS.grey });
  for (let v = 0; v <= yMax + step / 2; v += step) {
    c.line(PLOT.left, yAt(v), PLOT.right, yAt(v), { color: [225, 225, 225] });
    c.text(shortNumber(v), PLOT.left - 10, yAt(v) - 7, { align: 'right' });
  }
  c.line(PLOT.left, PLOT.top, PLOT.left, PLOT.bottom, { color: [0, 0, 0], thickness: 2 });
  c.line(PLOT.left, PLOT.bottom, PLOT.right, PLOT.bottom, { color: [0, 0, 0], thickness: 2 });
  chart.xLabels.forEach((label, i) => {
    c.line(xAt(i), PLOT.bottom, xAt(i), PLOT.bottom + 8, { color: [0, 0, 0], thickness: 2 });
    c.text(label, xAt(i), PLOT.bottom + 16, { align: 'center' });
  });
  c.text(chart.xTitle, (PLOT.left + PLOT.right) / 2, PLOT.bottom + 44, { align: 'center' });
  c.text(chart.yTitle, 14, (PLOT.top + PLOT.bottom) / 2, { vertical: true, align: 'center' });
  for (const r of shown) {
    c.line(PLOT.left, yAt(r.value), PLOT.right, yAt(r.value), { color: r.color, thickness: 2, dash: [10, 8] });
  }
  for (const s of chart.series) drawSeries(c, s, xAt, yAt);
  drawValueLabels(c, chart, xAt, yAt);
  drawLegend(c, chart, shown);
  return c.toPng();
}

function drawSeries(c: Canvas, s: Series, xAt: (i: number) => number, yAt: (v: number) => number): void {
  let previous: [number, number] | null = null;
  s.values.forEach((v, i) => {
    if (v === null) {
      previous = null;
      return;
    }
    const point: [number, number] = [xAt(i), yAt(v)];
    if (previous) c.line(previous[0], previous[1], point[0], point[1], { color: s.color, thickness: 3 });
    c.fillRect(point[0] - 4, point[1] - 4, 9, 9, s.color);
    previous = point;
  });
}

/** Each point's value right of it; labels of one column are pushed apart so none overlap. */
function drawValueLabels(c: Canvas, chart: LineChart, xAt: (i: number) => number, yAt: (v: number) => number): void {
  chart.xLabels.forEach((_, i) => {
    const labels = chart.series
      .flatMap((s) =>
        s.values[i] === null ? [] : [{ y: yAt(s.values[i] as number) - 7, v: s.values[i] as number, color: s.color }],
      )
      .sort((a, b) => a.y - b.y);
    let last = -Infinity;
    for (const l of labels) {
      const y = Math.max(l.y, last + 18);
      const text = shortNumber(l.v);
      c.fillRect(xAt(i) + 8, y - 2, c.textWidth(text) + 4, 18, [255, 255, 255]);
      c.text(text, xAt(i) + 10, y, { color: l.color });
      last = y;
    }
  });
}

/** Legend under the x axis, two entries a row (series solid, references dashed). */
function drawLegend(c: Canvas, chart: LineChart, shown: readonly ReferenceLine[]): void {
  const entries = [
    ...chart.series.map((s) => ({ label: s.name, color: s.color, dash: undefined })),
    ...(chart.references ?? []).map((r) => ({
      label: shown.includes(r) ? r.label : `${r.label} (OFF SCALE)`,
      color: r.color,
      dash: [10, 8] as [number, number],
    })),
  ];
  entries.forEach((e, k) => {
    const column = k % 2;
    const row = Math.floor(k / 2);
    const x = 40 + column * 450;
    const y = H - 80 + row * 24;
    c.line(x, y + 7, x + 40, y + 7, { color: e.color, thickness: 3, dash: e.dash });
    c.text(e.label, x + 50, y);
  });
}
