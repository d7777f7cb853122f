/** An RGBA raster with the few primitives a line chart needs: rectangles, thick lines, text. */
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphRows } from './font.js';
import { encodePng } from './png.js';

export type Rgb = readonly [number, number, number];

export interface TextOptions {
  readonly scale?: number;
  readonly color?: Rgb;
  /** Rotated 90° counter-clockwise, reading bottom to top (a y-axis title). */
  readonly vertical?: boolean;
  readonly align?: 'left' | 'center' | 'right';
}

export class Canvas {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb = [255, 255, 255],
  ) {
    this.pixels = new Uint8Array(width * height * 4);
    this.fillRect(0, 0, width, height, background);
  }

  setPixel(x: number, y: number, [r, g, b]: Rgb): void {
    const xi = Math.round(x);
    const yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= this.width || yi >= this.height) return;
    const i = (yi * this.width + xi) * 4;
    this.pixels.set([r, g, b, 255], i);
  }

  fillRect(x: number, y: number, w: number, h: number, color: Rgb): void {
    for (let yy = Math.max(0, Math.round(y)); yy < Math.min(this.height, Math.round(y + h)); yy++)
      for (let xx = Math.max(0, Math.round(x)); xx < Math.min(this.width, Math.round(x + w)); xx++)
        this.setPixel(xx, yy, color);
  }

  /** A line `thickness` pixels wide; `dash` = [on, off] lengths in pixels. */
  line(
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    o: { color: Rgb; thickness?: number; dash?: [number, number] },
  ): void {
    const length = Math.hypot(x1 - x0, y1 - y0);
    const steps = Math.max(1, Math.ceil(length * 2));
    const t = o.thickness ?? 1;
    const half = Math.floor((t - 1) / 2);
    for (let s = 0; s <= steps; s++) {
      const along = (s / steps) * length;
      if (o.dash && along % (o.dash[0] + o.dash[1]) >= o.dash[0]) continue;
      const x = x0 + ((x1 - x0) * s) / steps;
      const y = y0 + ((y1 - y0) * s) / steps;
      this.fillRect(Math.round(x) - half, Math.round(y) - half, t, t, o.color);
    }
  }

  textWidth(text: string, scale = 2): number {
    return text.length * (GLYPH_WIDTH + 1) * scale - scale;
  }

  /** Draws `text` with its top-left (or aligned anchor) at (x, y). */
  text(text: string, x: number, y: number, o: TextOptions = {}): void {
    const scale = o.scale ?? 2;
    const color = o.color ?? [0, 0, 0];
    const w = this.textWidth(text, scale);
    const shift = o.align === 'center' ? w / 2 : o.align === 'right' ? w : 0;
    [...text].forEach((ch, k) => {
      const rows = glyphRows(ch);
      for (let r = 0; r < GLYPH_HEIGHT; r++)
        for (let c = 0; c < GLYPH_WIDTH; c++) {
          if (((rows[r] >> (GLYPH_WIDTH - 1 - c)) & 1) === 0) continue;
          const along = k * (GLYPH_WIDTH + 1) * scale + c * scale - shift;
          if (o.vertical) this.fillRect(x + r * scale, y - along - scale, scale, scale, color);
          else this.fillRect(x + along, y + r * scale, scale, scale, color);
        }
    });
  }

  toPng(): Buffer {
    return encodePng(this.width, this.height, this.pixels);
  }
}
