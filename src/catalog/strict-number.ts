export interface Range {
  readonly min: number;
  readonly max: number;
}

// Decimal notation only: `Number()` alone would also accept '', ' 1', '0x1f', 'Infinity'.
const FLOAT = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const INT = /^[-+]?\d+$/;

/** Parses a decimal float such as `0.5`, `-3`, `1.01e-06`; throws on anything else or out of range. */
export function parseFloatStrict(text: string, range: Range): number {
  if (!FLOAT.test(text)) throw new Error(`not a number: ${JSON.stringify(text)}`);
  return inRange(Number(text), range);
}

/** Parses a decimal integer; `1.0` is rejected because integer columns never print a fraction. */
export function parseIntStrict(text: string, range: Range): number {
  if (!INT.test(text)) throw new Error(`not an integer: ${JSON.stringify(text)}`);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`integer too large: ${text}`);
  return inRange(value, range);
}

function inRange(value: number, { min, max }: Range): number {
  // Finite check too: 1e999 matches the pattern but parses to Infinity.
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${value} out of range ${bound(min)}..${bound(max)}`);
  }
  return value;
}

/** Open ends print as nothing: `0..` reads better than `0..1.7976931348623157e+308`. */
function bound(x: number): string {
  return Math.abs(x) === Number.MAX_VALUE ? '' : String(x);
}
