/**
 * Tiny structural decoders for the API boundary: a body is `unknown` until a decoder
 * proves it has the fields we use. Unknown fields are dropped, so cached values hold
 * only what we read. A failure names the path of the first bad field.
 */
export type Decoder<T> = (value: unknown, path: string) => T;

export class DecodeError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path || '(root)'}: expected ${expected}`);
    this.name = 'DecodeError';
  }
}

export const str: Decoder<string> = (v, path) => {
  if (typeof v !== 'string') throw new DecodeError(path, 'a string');
  return v;
};

export const num: Decoder<number> = (v, path) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new DecodeError(path, 'a finite number');
  return v;
};

export const bool: Decoder<boolean> = (v, path) => {
  if (typeof v !== 'boolean') throw new DecodeError(path, 'a boolean');
  return v;
};

export function nullable<T>(inner: Decoder<T>): Decoder<T | null> {
  return (v, path) => (v === null || v === undefined ? null : inner(v, path));
}

/** A missing field decodes to `fallback` (Spotify omits some fields for some markets). */
export function withDefault<T>(inner: Decoder<T>, fallback: T): Decoder<T> {
  return (v, path) => (v === undefined ? fallback : inner(v, path));
}

export function array<T>(item: Decoder<T>): Decoder<T[]> {
  return (v, path) => {
    if (!Array.isArray(v)) throw new DecodeError(path, 'an array');
    return v.map((x, i) => item(x, `${path}[${i}]`));
  };
}

type Fields<T> = { readonly [K in keyof T]: Decoder<T[K]> };

export function object<T>(fields: Fields<T>): Decoder<T> {
  return (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new DecodeError(path, 'an object');
    const record = v as Record<string, unknown>;
    const out: Partial<T> = {};
    for (const key of Object.keys(fields) as (keyof T & string)[]) {
      out[key] = fields[key](record[key], path ? `${path}.${key}` : key);
    }
    return out as T;
  };
}

/** Runs a decoder from the root. */
export function decode<T>(decoder: Decoder<T>, value: unknown): T {
  return decoder(value, '');
}
