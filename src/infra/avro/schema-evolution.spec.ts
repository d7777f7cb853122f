// Schema evolution and schema-directory loading, with test-only schemas in tmp dirs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AvroSchemaError } from './avro.error.js';
import { SchemaRegistry } from './schema-registry.js';

const THING_V1 = {
  type: 'record',
  name: 'Thing',
  namespace: 'test',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'legacy_score', type: 'double' },
    { name: 'tags', type: { type: 'array', items: 'string' } },
  ],
};

// v2 removes legacy_score and adds two fields with defaults.
const THING_V2 = {
  ...THING_V1,
  fields: [
    { name: 'id', type: 'string' },
    { name: 'tags', type: { type: 'array', items: 'string' } },
    { name: 'added_flag', type: 'boolean', default: true },
    { name: 'added_note', type: ['null', 'string'], default: null },
  ],
};

interface ThingV1 {
  id: string;
  legacy_score: number;
  tags: string[];
}
interface ThingV2 {
  id: string;
  tags: string[];
  added_flag: boolean;
  added_note: string | null;
}

let root: string;

function schemaDir(name: string, files: Record<string, unknown>): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const [file, content] of Object.entries(files)) {
    writeFileSync(join(dir, file), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'avro-spec-'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('schema evolution', () => {
  it('an old writer (v1) is read by a new reader (v2): removed field skipped, added fields defaulted', () => {
    const oldProducer = SchemaRegistry.load(schemaDir('old', { 'test.Thing.v1.avsc': THING_V1 }));
    const newConsumer = SchemaRegistry.load(
      schemaDir('new', { 'test.Thing.v1.avsc': THING_V1, 'test.Thing.v2.avsc': THING_V2 }),
    );
    const bytes = oldProducer.encode('test.Thing', { id: 't1', legacy_score: 0.5, tags: ['a', 'b'] } satisfies ThingV1);

    expect(newConsumer.latestSchema('test.Thing').version).toBe(2);
    expect(newConsumer.decode<ThingV2>(bytes, 'test.Thing')).toEqual({
      id: 't1',
      tags: ['a', 'b'],
      added_flag: true,
      added_note: null,
    });
  });

  it('a new writer (v2) is unknown to a reader that only has v1: deploy readers first', () => {
    const newProducer = SchemaRegistry.load(schemaDir('producer-v2', { 'test.Thing.v2.avsc': THING_V2 }));
    const oldConsumer = SchemaRegistry.load(schemaDir('consumer-v1', { 'test.Thing.v1.avsc': THING_V1 }));
    const bytes = newProducer.encode('test.Thing', {
      id: 't2',
      tags: [],
      added_flag: false,
      added_note: 'x',
    } satisfies ThingV2);

    expect(() => oldConsumer.decode(bytes, 'test.Thing')).toThrow(
      expect.objectContaining({ code: 'unknown-fingerprint' }),
    );
  });

  it('the same bytes decode identically on repeated (cached-resolver) reads', () => {
    const registry = SchemaRegistry.load(
      schemaDir('cached', { 'test.Thing.v1.avsc': THING_V1, 'test.Thing.v2.avsc': THING_V2 }),
    );
    const v1 = SchemaRegistry.load(schemaDir('cached-writer', { 'test.Thing.v1.avsc': THING_V1 }));
    const bytes = v1.encode('test.Thing', { id: 't3', legacy_score: 1, tags: ['c'] });
    expect(registry.decode(bytes, 'test.Thing')).toEqual(registry.decode(bytes, 'test.Thing'));
  });
});

describe('SchemaRegistry.load', () => {
  it.each([
    { label: 'no schema files', files: { 'README.md': 'x' } },
    { label: 'invalid JSON', files: { 'test.Thing.v1.avsc': '{ nope' } },
    {
      label: 'invalid Avro',
      files: {
        'test.Thing.v1.avsc': {
          type: 'record',
          name: 'Thing',
          namespace: 'test',
          fields: [{ name: 'x', type: 'nope' }],
        },
      },
    },
    { label: 'file name does not match the record', files: { 'test.Other.v1.avsc': THING_V1 } },
  ])('rejects $label with AvroSchemaError', ({ label, files }) => {
    const dir = schemaDir(`bad-${label.replace(/\W+/g, '-')}`, files);
    expect(() => SchemaRegistry.load(dir)).toThrow(AvroSchemaError);
  });

  it('ignores files that are not versioned schemas', () => {
    const dir = schemaDir('mixed', { 'test.Thing.v1.avsc': THING_V1, 'notes.txt': 'x', 'test.Thing.avsc': THING_V2 });
    expect(SchemaRegistry.load(dir).latestSchema('test.Thing').version).toBe(1);
  });
});
