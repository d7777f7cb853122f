// Keeps records.ts and schemas/*.avsc in lock-step: every key of every (nested) sample
// object must be exactly the schema's field names. tsc checks the samples against the
// interfaces (missing and excess properties), this test checks them against the schemas.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RECORD_NAMES, type RecordName } from './records.js';
import { RECORD_SAMPLES } from './record-samples.js';

const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));
const FILE_NAME = /^(.+)\.v(\d+)\.avsc$/;

type SchemaNode =
  | string
  | SchemaNode[]
  | { type: SchemaNode; name?: string; fields?: Field[]; items?: SchemaNode; values?: SchemaNode };
interface Field {
  name: string;
  type: SchemaNode;
}

function latestSchemaFiles(): Map<string, string> {
  const latest = new Map<string, { version: number; file: string }>();
  for (const file of readdirSync(SCHEMA_DIR)) {
    const match = FILE_NAME.exec(file);
    if (!match) continue;
    const version = Number(match[2]);
    const seen = latest.get(match[1]);
    if (!seen || seen.version < version) latest.set(match[1], { version, file });
  }
  return new Map([...latest].map(([name, { file }]) => [name, file]));
}

function keyMismatches(schema: SchemaNode, value: unknown, path: string, named: Map<string, SchemaNode>): string[] {
  if (typeof schema === 'string') {
    const ref = named.get(schema);
    return ref ? keyMismatches(ref, value, path, named) : [];
  }
  if (Array.isArray(schema)) {
    const branch = schema.find((s) => s !== 'null');
    return value === null || branch === undefined ? [] : keyMismatches(branch, value, path, named);
  }
  if (schema.type === 'record' && schema.fields) {
    if (schema.name) named.set(schema.name, schema);
    const record = value as Record<string, unknown>;
    const expected = schema.fields.map((f) => f.name).sort();
    const actual = Object.keys(record).sort();
    const own =
      JSON.stringify(expected) === JSON.stringify(actual)
        ? []
        : [`${path}: schema ${expected.join(',')} vs TS ${actual.join(',')}`];
    return own.concat(...schema.fields.map((f) => keyMismatches(f.type, record[f.name], `${path}.${f.name}`, named)));
  }
  if (schema.type === 'array' && schema.items !== undefined) {
    const items = schema.items;
    return (value as unknown[]).flatMap((item, i) => keyMismatches(items, item, `${path}[${i}]`, named));
  }
  if (schema.type === 'map' && schema.values !== undefined) {
    const values = schema.values;
    return Object.entries(value as object).flatMap(([k, v]) => keyMismatches(values, v, `${path}.${k}`, named));
  }
  return typeof schema.type === 'string' ? [] : keyMismatches(schema.type, value, path, named);
}

describe('contracts/records.ts vs schemas/*.avsc', () => {
  const files = latestSchemaFiles();

  it('RECORD_NAMES lists exactly the record names in schemas/', () => {
    expect([...files.keys()].sort()).toEqual([...RECORD_NAMES].sort());
  });

  it.each(RECORD_NAMES.map((name) => [name]))('%s: TS keys equal schema field names', (name: RecordName) => {
    const file = files.get(name);
    if (file === undefined) throw new Error(`no schema file for ${name}`);
    const schema = JSON.parse(readFileSync(`${SCHEMA_DIR}${file}`, 'utf8')) as SchemaNode;
    expect(keyMismatches(schema, RECORD_SAMPLES[name], name, new Map())).toEqual([]);
  });
});
