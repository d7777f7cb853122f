/**
 * A line chart over categorical x positions (1k, 10k, 100k users…: evenly spaced, so a
 * 100× range stays readable without a log axis), rendered to PNG with the bitmap font.
 * Long series (learning curves) can thin their x labels and drop point markers and values.
 */
import { COLORS, drawLegend, drawValueAxis, shortNumber, valueScale, type Plot, type ReferenceLine } from './axis.js';
import { Canvas, type Rgb } from './canvas.js';

export { COLORS, niceStep, shortNumber, type ReferenceLine } from './axis.js';

export interface Series {
  readonly name: string;
  /** One value per x label; null where not measured. */
  readonly values: ReadonlyArray<number | null>;
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
  /** Label every n-th x position only (default 1). */
  readonly xLabelEvery?: number;
  /** Markers and value labels at every point (default true; off for long series). */
  readonly points?: boolean;
}

const W = 960;
const H = 600;
const PLOT: Plot = { left: 110, right: W - 40, top: 90, bottom: H - 150 };

export function renderLineChart(chart: LineChart): Buffer {
  const c = new Canvas(W, H);
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const scale = valueScale(values, chart.references ?? [], PLOT);
  const n = chart.xLabels.length;
  const xAt = (i: number): number =>
    n === 1 ? (PLOT.left + PLOT.right) / 2 : PLOT.left + 40 + (i * (PLOT.right - PLOT.left - 80)) / (n - 1);
  const every = chart.xLabelEvery ?? 1;

  c.text(chart.title, W / 2, 18, { scale: 3, align: 'center' });
  if (chart.subtitle) c.text(chart.subtitle, W / 2, 50, { scale: 2, align: 'center', color: COLORS.grey });
  drawValueAxis(c, PLOT, scale);
  chart.xLabels.forEach((label, i) => {
    if (i % every !== 0) return;
    c.line(xAt(i), PLOT.bottom, xAt(i), PLOT.bottom + 8, { color: [0, 0, 0], thickness: 2 });
    c.text(label, xAt(i), PLOT.bottom + 16, { align: 'center' });
  });
  c.text(chart.xTitle, (PLOT.left + PLOT.right) / 2, PLOT.bottom + 44, { align: 'center' });
  c.text(chart.yTitle, 14, (PLOT.top + PLOT.bottom) / 2, { vertical: true, align: 'center' });
  for (const r of scale.shown) {
    c.line(PLOT.left, scale.y(r.value), PLOT.right, scale.y(r.value), { color: r.color, thickness: 2, dash: [10, 8] });
  }
  const points = chart.points ?? true;
  for (const s of chart.series) drawSeries(c, s, xAt, scale.y, points);
  if (points) drawValueLabels(c, chart, xAt, scale.y);
  drawLegend(
    c,
    [
      ...chart.series.map((s) => ({ label: s.name, color: s.color })),
      ...(chart.references ?? []).map((r) => ({
        label: scale.shown.includes(r) ? r.label : `${r.label} (OFF SCALE)`,
        color: r.color,
        dash: [10, 8] as [number, number],
      })),
    ],
    { top: H - 80, columns: chart.series.length + (chart.references?.length ?? 0) > 6 ? 3 : 2 },
  );
  return c.toPng();
}

function drawSeries(
  c: Canvas,
  s: Series,
  xAt: (i: number) => number,
  yAt: (v: number) => number,
  markers: boolean,
): void {
  let previous: [number, number] | null = null;
  s.values.forEach((v, i) => {
    if (v === null) {
      previous = null;
      return;
    }
    const point: [number, number] = [xAt(i), yAt(v)];
    if (previous) c.line(previous[0], previous[1], point[0], point[1], { color: s.color, thickness: 3 });
    if (markers) c.fillRect(point[0] - 4, point[1] - 4, 9, 9, s.color);
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
