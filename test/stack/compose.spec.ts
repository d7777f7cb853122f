// docker-compose.yml and scripts/stack must describe the same stack: same Kafka
// version, ports and broker settings. Changing one side only fails here.
import { readFileSync } from 'node:fs';
import {
  DEFAULT_DATABASE_URL,
  DEFAULT_REDIS_URL,
  KAFKA_HEAP_OPTS,
  KAFKA_PORT,
  KAFKA_VERSION,
  POSTGRES_DB,
  POSTGRES_MAJOR,
  POSTGRES_PORT,
  POSTGRES_USER,
  REDIS_MAJOR,
  REDIS_PORT,
  RELOAD4J_VERSION,
  SLF4J_VERSION,
} from '../../scripts/stack/constants.mjs';
import { serverProperties } from '../../scripts/stack/kafka-install.mjs';

type Yaml = string | Yaml[] | { [key: string]: Yaml };
interface Line {
  indent: number;
  text: string;
  no: number;
}

/** Plain-text properties are split on the first '=' (comments and blank lines skipped). */
function parseProperties(text: string): Map<string, string> {
  const entries = text
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l): [string, string] => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]);
  return new Map(entries);
}

// --- A reader for the YAML subset docker-compose.yml sticks to: block maps,
// "- scalar" lists, plain/quoted scalars, JSON-style flow lists, # comments.
function stripComment(text: string): string {
  let quote = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quote) quote = c === quote ? '' : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ')) return text.slice(0, i).trimEnd();
  }
  return text;
}

function toLines(source: string): Line[] {
  return source
    .split('\n')
    .map((raw, i) => ({ indent: raw.length - raw.trimStart().length, text: stripComment(raw.trim()), no: i + 1 }))
    .filter((line) => line.text !== '');
}

function scalar(text: string, no: number): Yaml {
  if (text.startsWith('[')) return flowList(text, no);
  if (text.startsWith('"')) {
    try {
      return JSON.parse(text) as string;
    } catch {
      throw new Error(`line ${no}: unsupported double-quoted scalar ${text}`);
    }
  }
  if (text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1).replaceAll("''", "'");
  if (/^[&*!|>{'"]/.test(text)) throw new Error(`line ${no}: unsupported YAML ${text}`);
  return text;
}

/** `[a, 'b', "c"]` of scalars; nested flow collections are not part of the subset. */
function flowList(text: string, no: number): Yaml[] {
  if (!text.endsWith(']')) throw new Error(`line ${no}: unterminated flow list ${text}`);
  const items: string[] = [];
  let current = '';
  let quote = '';
  for (const c of text.slice(1, -1)) {
    if (quote) quote = c === quote ? '' : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') throw new Error(`line ${no}: nested flow collection in ${text}`);
    if (c === ',' && !quote) {
      items.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim() !== '') items.push(current.trim());
  return items.map((item) => scalar(item, no));
}

function readBlock(lines: Line[], start: number, indent: number): [Yaml, number] {
  const isList = lines[start].text.startsWith('- ');
  const list: Yaml[] = [];
  const map: Record<string, Yaml> = {};
  let i = start;
  while (i < lines.length && lines[i].indent >= indent) {
    const { text, no } = lines[i];
    if (lines[i].indent > indent || text.startsWith('- ') !== isList) throw new Error(`line ${no}: unexpected ${text}`);
    if (isList) {
      list.push(scalar(text.slice(2).trim(), no));
      i += 1;
      continue;
    }
    const match = /^([\w.-]+):(?:\s+(.*))?$/.exec(text);
    if (!match) throw new Error(`line ${no}: expected "key: value", got ${text}`);
    const [, key, value] = match;
    if (value !== undefined) [map[key], i] = [scalar(value, no), i + 1];
    else if (i + 1 < lines.length && lines[i + 1].indent > indent)
      [map[key], i] = readBlock(lines, i + 1, lines[i + 1].indent);
    else throw new Error(`line ${no}: empty value for ${key}`);
  }
  return [isList ? list : map, i];
}

function readYaml(source: string): Yaml {
  const lines = toLines(source);
  return readBlock(lines, 0, lines[0]?.indent ?? 0)[0];
}

function at(node: Yaml, ...path: string[]): Yaml {
  return path.reduce<Yaml>((current, key) => {
    if (typeof current !== 'object' || Array.isArray(current) || !(key in current))
      throw new Error(`missing ${path.join('.')}`);
    return current[key];
  }, node);
}

describe('readYaml (the subset docker-compose.yml uses)', () => {
  it.each<[string, string, Yaml]>([
    ['nested maps', 'a:\n  b: c\n  d:\n    e: "f # g"\n', { a: { b: 'c', d: { e: 'f # g' } } }],
    ['lists and comments', '# top\nports:\n  - "1:1" # why\n  - 2\n', { ports: ['1:1', '2'] }],
    ['flow lists and single quotes', 'test: ["CMD", ""]\nq: \'it\'\'s\'\n', { test: ['CMD', ''], q: "it's" }],
    ['single-quoted flow lists', "c: ['a, b', '', x]\n", { c: ['a, b', '', 'x'] }],
  ])('reads %s', (_name, source, expected) => {
    expect(readYaml(source)).toEqual(expected);
  });

  it.each([
    ['over-indented key', 'a: b\n    c: d\n'],
    ['anchor', 'a: &x b\n'],
    ['nested flow list', 'a: [[b]]\n'],
    ['list mixed into a map', 'a: b\n- c\n'],
  ])('rejects %s', (_name, source) => {
    expect(() => readYaml(source)).toThrow(/line \d/);
  });
});

describe('docker-compose.yml matches scripts/stack', () => {
  const compose = readYaml(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8'));
  const kafkaEnv = at(compose, 'services', 'kafka', 'environment') as Record<string, string>;
  const local = parseProperties(serverProperties());
  // The apache/kafka image turns KAFKA_A_B into a.b; these go to the launcher instead.
  const launcherOnly = new Set(['KAFKA_HEAP_OPTS']);
  const composeProps = new Map(
    Object.entries(kafkaEnv)
      .filter(([name]) => name.startsWith('KAFKA_') && !launcherOnly.has(name))
      .map(([name, value]) => [name.slice('KAFKA_'.length).toLowerCase().replaceAll('_', '.'), value]),
  );
  // Inside a container the broker binds every interface and names itself localhost.
  const portsOf = (listeners = '') => listeners.split(',').map((l) => l.replace(/\/\/[^:]*:/, '//:'));
  const votersOf = (voters = '') => voters.replace(/@[^:]+:/g, '@:');

  it.each<[string, () => unknown, unknown]>([
    [
      'kafka image is the broker version',
      () => at(compose, 'services', 'kafka', 'image'),
      `apache/kafka:${KAFKA_VERSION}`,
    ],
    ['kafka port', () => at(compose, 'services', 'kafka', 'ports'), [`127.0.0.1:${KAFKA_PORT}:${KAFKA_PORT}`]],
    ['kafka heap', () => kafkaEnv.KAFKA_HEAP_OPTS, KAFKA_HEAP_OPTS],
    ['listener ports', () => portsOf(composeProps.get('listeners')), portsOf(local.get('listeners'))],
    [
      'quorum voters',
      () => votersOf(composeProps.get('controller.quorum.voters')),
      votersOf(local.get('controller.quorum.voters')),
    ],
    ['postgres image', () => at(compose, 'services', 'postgres', 'image'), `postgres:${POSTGRES_MAJOR}`],
    [
      'postgres port',
      () => at(compose, 'services', 'postgres', 'ports'),
      [`127.0.0.1:${POSTGRES_PORT}:${POSTGRES_PORT}`],
    ],
    ['postgres database', () => at(compose, 'services', 'postgres', 'environment', 'POSTGRES_DB'), POSTGRES_DB],
    ['postgres user', () => at(compose, 'services', 'postgres', 'environment', 'POSTGRES_USER'), POSTGRES_USER],
    [
      'postgres trust auth',
      () => at(compose, 'services', 'postgres', 'environment', 'POSTGRES_HOST_AUTH_METHOD'),
      'trust',
    ],
    [
      'default DATABASE_URL',
      () => DEFAULT_DATABASE_URL,
      `postgres://${POSTGRES_USER}@127.0.0.1:${POSTGRES_PORT}/${POSTGRES_DB}`,
    ],
    ['redis image', () => at(compose, 'services', 'redis', 'image'), `redis:${REDIS_MAJOR}`],
    ['redis port', () => at(compose, 'services', 'redis', 'ports'), [`127.0.0.1:${REDIS_PORT}:${REDIS_PORT}`]],
    ['default REDIS_URL', () => DEFAULT_REDIS_URL, `redis://127.0.0.1:${REDIS_PORT}`],
  ])('%s', (_name, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  it('sets every other broker property exactly as server.properties does', () => {
    const hostSpecific = new Set(['listeners', 'controller.quorum.voters', 'log.dirs']);
    const pick = (props: Map<string, string>) =>
      Object.fromEntries([...props].filter(([key]) => !hostSpecific.has(key)).sort(([a], [b]) => a.localeCompare(b)));
    expect(pick(composeProps)).toEqual(pick(local));
  });

  it.each(['kafka', 'postgres', 'redis'])('%s has a healthcheck', (service) => {
    expect(at(compose, 'services', service, 'healthcheck', 'test')).toEqual(
      expect.arrayContaining([expect.any(String)]),
    );
  });

  it('pins the same versions in the Maven pom', () => {
    const pom = readFileSync(new URL('../../scripts/stack/kafka/pom.xml', import.meta.url), 'utf8');
    const property = (name: string) => new RegExp(`<${name}>([^<]+)</${name}>`).exec(pom)?.[1];
    expect([property('kafka.version'), property('reload4j.version'), property('slf4j.version')]).toEqual([
      KAFKA_VERSION,
      RELOAD4J_VERSION,
      SLF4J_VERSION,
    ]);
  });
});
