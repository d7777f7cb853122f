/**
 * A grouped bar chart: categories along x, one bar per series in each group, bars from 0
 * (so negative values hang below the axis), optional dashed reference lines (goals), the
 * value above each bar when it fits, category labels wrapped to the group's width.
 */
import { COLORS, drawLegend, drawValueAxis, shortNumber, valueScale, type Plot, type ReferenceLine } from './axis.js';
import { Canvas, type Rgb } from './canvas.js';

export interface BarSeries {
  readonly name: string;
  /** One value per category; null where there is none. */
  readonly values: ReadonlyArray<number | null>;
  readonly color: Rgb;
}

export interface BarChart {
  readonly title: string;
  readonly subtitle?: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
  readonly references?: readonly ReferenceLine[];
  /** Text of a bar's value (default shortNumber); values are omitted where they do not fit. */
  readonly format?: (v: number) => string;
}

const W = 960;
const H = 600;
const PLOT: Plot = { left: 110, right: W - 40, top: 90, bottom: H - 170 };

export function renderBarChart(chart: BarChart): Buffer {
  const c = new Canvas(W, H);
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const scale = valueScale(values, chart.references ?? [], PLOT);
  const group = (PLOT.right - PLOT.left) / Math.max(1, chart.categories.length);
  const bar = (group * 0.8) / Math.max(1, chart.series.length);
  const format = chart.format ?? shortNumber;

  c.text(chart.title, W / 2, 18, { scale: 3, align: 'center' });
  if (chart.subtitle) c.text(chart.subtitle, W / 2, 50, { scale: 2, align: 'center', color: COLORS.grey });
  drawValueAxis(c, PLOT, scale);
  chart.categories.forEach((label, i) => {
    const center = PLOT.left + (i + 0.5) * group;
    wrap(c, label, group - 16).forEach((line, k) =>
      c.text(line.text, center, PLOT.bottom + 10 + k * 16, { align: 'center', scale: line.scale }),
    );
    chart.series.forEach((s, j) => {
      const v = s.values[i];
      if (v === null) return;
      const x = PLOT.left + i * group + group * 0.1 + j * bar;
      const [from, to] = [scale.y(Math.max(0, v)), scale.y(Math.min(0, v))];
      c.fillRect(x + 1, from, Math.max(1, bar - 2), Math.max(1, to - from), s.color);
      const text = format(v);
      // A few pixels apart, so the values of neighbouring bars never run together.
      const textScale = c.textWidth(text, 2) + 6 <= bar ? 2 : c.textWidth(text, 1) + 1 <= bar ? 1 : 0;
      if (textScale > 0)
        c.text(text, x + bar / 2, v >= 0 ? from - 8 * textScale - 2 : to + 4, { align: 'center', scale: textScale });
    });
  });
  for (const r of scale.shown) {
    c.line(PLOT.left, scale.y(r.value), PLOT.right, scale.y(r.value), { color: r.color, thickness: 2, dash: [10, 8] });
  }
  c.text(chart.xTitle, (PLOT.left + PLOT.right) / 2, PLOT.bottom + 62, { align: 'center' });
  c.text(chart.yTitle, 14, (PLOT.top + PLOT.bottom) / 2, { vertical: true, align: 'center' });
  const entries = [
    ...chart.series.map((s) => ({ label: s.name, color: s.color })),
    ...(chart.references ?? []).map((r) => ({
      label: scale.shown.includes(r) ? r.label : `${r.label} (OFF SCALE)`,
      color: r.color,
      dash: [10, 8] as [number, number],
    })),
  ];
  drawLegend(c, entries, { top: H - 84, columns: entries.length > 6 ? 3 : 2 });
  return c.toPng();
}

/** After a space, or a hyphen that follows a letter (a minus sign stays with its number). */
const BREAK = /(?<= )|(?<=[A-Za-z]-)/;

/** Words greedily into lines of at most `width` px, 3 lines at most; small type when a word is too wide. */
function wrap(c: Canvas, label: string, width: number): Array<{ text: string; scale: number }> {
  const scale = label.split(BREAK).every((w) => c.textWidth(w.trim(), 2) <= width) ? 2 : 1;
  const lines: string[] = [];
  for (const word of label.split(BREAK)) {
    const last = lines.length - 1;
    if (last >= 0 && c.textWidth(`${lines[last]}${word}`.trim(), scale) <= width) lines[last] += word;
    else lines.push(word);
  }
  return lines.slice(0, 3).map((text) => ({ text: text.trim(), scale }));
}
