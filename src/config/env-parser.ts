/** A small declarative environment parser: each key has a kind, a default and bounds. */
export type EnvSpec =
  | { kind: 'string'; default?: string; optional?: boolean; allowEmpty?: boolean; pattern?: RegExp; secret?: boolean }
  | { kind: 'list'; default: string }
  | { kind: 'url'; default: string; protocols: readonly string[] }
  | { kind: 'enum'; default: string; values: readonly string[] }
  | {
      kind: 'int' | 'number';
      min: number;
      max: number;
      minExclusive?: boolean;
      maxExclusive?: boolean;
      /** Exactly one of the two: a default, or optional (unset → null). */
      default?: string;
      optional?: boolean;
    };

type ValueOf<S extends EnvSpec> = S extends { kind: 'list' }
  ? string[]
  : S extends { kind: 'int' | 'number'; optional: true }
    ? number | null
    : S extends { kind: 'int' | 'number' }
      ? number
      : S extends { kind: 'string'; optional: true }
        ? string | null
        : S extends { kind: 'enum'; values: readonly (infer V)[] }
          ? V
          : string;

export type ParsedEnv<T extends Record<string, EnvSpec>> = { [K in keyof T]: ValueOf<T[K]> };

export class ConfigError extends Error {
  readonly retriable = false;
  constructor(readonly problems: readonly string[]) {
    super(
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.join('\n  - ')}`,
    );
    this.name = 'ConfigError';
  }
}

export function parseEnv<T extends Record<string, EnvSpec>>(
  spec: T,
  env: Readonly<Record<string, string | undefined>>,
): ParsedEnv<T> {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(spec)) {
    const raw = env[key];
    const result = parseOne(key, s, raw === undefined || (raw === '' && !allowsEmpty(s)) ? undefined : raw);
    if (result instanceof Problem) problems.push(result.message);
    else out[key] = result;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out as ParsedEnv<T>;
}

function allowsEmpty(s: EnvSpec): boolean {
  return s.kind === 'string' && s.allowEmpty === true;
}

class Problem {
  constructor(readonly message: string) {}
}
type Outcome = unknown;

function parseOne(key: string, s: EnvSpec, raw: string | undefined): Outcome {
  const value = raw ?? s.default;
  if (value === undefined) {
    return (s.kind === 'string' || s.kind === 'int' || s.kind === 'number') && s.optional
      ? null
      : new Problem(`${key} is required`);
  }
  const shown = s.kind === 'string' && s.secret ? '<redacted>' : JSON.stringify(value);
  switch (s.kind) {
    case 'string':
      if (s.pattern && !s.pattern.test(value)) return new Problem(`${key}=${shown} must match ${s.pattern}`);
      return value;
    case 'list': {
      const items = value
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      if (items.length === 0 || items.some((x) => !/^[^\s:]+:\d{1,5}$/.test(x))) {
        return new Problem(`${key}=${shown} must be a comma-separated list of host:port`);
      }
      return items;
    }
    case 'url':
      return parseUrl(key, value, s.protocols, shown);
    case 'enum':
      return s.values.includes(value) ? value : new Problem(`${key}=${shown} must be one of ${s.values.join(', ')}`);
    case 'int':
    case 'number':
      return parseNumber(key, value, s, shown);
  }
}

function parseUrl(key: string, value: string, protocols: readonly string[], shown: string): Outcome {
  try {
    const url = new URL(value);
    if (!protocols.includes(url.protocol)) return new Problem(`${key}=${shown} must use ${protocols.join(' or ')}`);
    return value;
  } catch {
    return new Problem(`${key}=${shown} is not a valid URL`);
  }
}

function parseNumber(key: string, value: string, s: Extract<EnvSpec, { min: number }>, shown: string): Outcome {
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n)) return new Problem(`${key}=${shown} is not a number`);
  if (s.kind === 'int' && !Number.isInteger(n)) return new Problem(`${key}=${shown} must be an integer`);
  const low = s.minExclusive ? n <= s.min : n < s.min;
  const high = s.maxExclusive ? n >= s.max : n > s.max;
  if (low || high) {
    const range = `${s.minExclusive ? '(' : '['}${s.min}, ${s.max}${s.maxExclusive ? ')' : ']'}`;
    return new Problem(`${key}=${shown} must be in ${range}`);
  }
  return n;
}
