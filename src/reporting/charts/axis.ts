/** What line and bar charts share: colours, a value axis with round ticks, the legend. */
import type { Canvas, Rgb } from './canvas.js';

export const COLORS = {
  blue: [31, 119, 180],
  orange: [255, 127, 14],
  green: [44, 160, 44],
  red: [214, 39, 40],
  purple: [148, 103, 189],
  grey: [120, 120, 120],
  brown: [140, 86, 75],
  pink: [227, 119, 194],
  olive: [188, 189, 34],
  cyan: [23, 190, 207],
} as const satisfies Record<string, Rgb>;

/** Distinct colours in order, for charts with many series (the category10 palette). */
export const PALETTE: readonly Rgb[] = [
  COLORS.blue,
  COLORS.orange,
  COLORS.green,
  COLORS.red,
  COLORS.purple,
  COLORS.brown,
  COLORS.pink,
  COLORS.grey,
  COLORS.olive,
  COLORS.cyan,
];

export interface ReferenceLine {
  readonly label: string;
  readonly value: number;
  readonly color: Rgb;
}

export interface Plot {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface ValueScale {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** References drawn; one far above the data would flatten it and is only named in the legend. */
  readonly shown: readonly ReferenceLine[];
  y(v: number): number;
}

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

/** 0 is always on the axis; 15 % headroom above the data (and below it when negative). */
export function valueScale(values: readonly number[], references: readonly ReferenceLine[], plot: Plot): ValueScale {
  const dataMax = Math.max(1e-9, ...values);
  const shown = references.filter((r) => r.value <= 3 * dataMax);
  const top = Math.max(dataMax, ...shown.map((r) => r.value)) * 1.15;
  const bottom = Math.min(0, ...values) * 1.15;
  const step = niceStep(top - bottom);
  const max = Math.ceil(top / step) * step;
  const min = Math.floor(bottom / step) * step;
  const y = (v: number): number => plot.bottom - ((v - min) / (max - min)) * (plot.bottom - plot.top);
  return { min, max, step, shown, y };
}

/** Grid lines and tick labels left of the plot, and both axes. */
export function drawValueAxis(c: Canvas, plot: Plot, s: ValueScale): void {
  for (let k = 0; s.min + k * s.step <= s.max + s.step / 2; k++) {
    const v = s.min + k * s.step;
    c.line(plot.left, s.y(v), plot.right, s.y(v), { color: [225, 225, 225] });
    c.text(shortNumber(v), plot.left - 10, s.y(v) - 7, { align: 'right' });
  }
  c.line(plot.left, plot.top, plot.left, plot.bottom, { color: [0, 0, 0], thickness: 2 });
  c.line(plot.left, s.y(0), plot.right, s.y(0), { color: [0, 0, 0], thickness: 2 });
}

export interface LegendEntry {
  readonly label: string;
  readonly color: Rgb;
  readonly dash?: [number, number];
}

/** Entries in `columns` columns from (40, top), 24 px a row. */
export function drawLegend(c: Canvas, entries: readonly LegendEntry[], o: { top: number; columns: number }): void {
  const columnWidth = (c.width - 60) / o.columns;
  entries.forEach((e, k) => {
    const x = 40 + (k % o.columns) * columnWidth;
    const y = o.top + Math.floor(k / o.columns) * 24;
    c.line(x, y + 7, x + 40, y + 7, { color: e.color, thickness: 3, dash: e.dash });
    c.text(e.label, x + 50, y);
  });
}
