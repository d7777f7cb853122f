import avsc from 'avsc';
import { parsingCanonicalForm, schemaFingerprint } from './canonical-form.js';
import { CRC64_AVRO_EMPTY, crc64Avro, toSigned64 } from './crc64.js';

// Vectors from the Avro project's share/test/data/schema-tests.txt (input, canonical
// form, fingerprint as Java's signed long). Omitted: 016 (empty union, which avsc
// rejects) and the fingerprint-less duplicates. In 026 the field default is `true`
// instead of the string "true", which avsc rightly rejects; defaults are stripped
// from the canonical form, so the expected form and fingerprint are unchanged.
const SPEC_VECTORS: ReadonlyArray<[string, string, bigint]> = [
  ['"null"', '"null"', 7195948357588979594n],
  ['"boolean"', '"boolean"', -6970731678124411036n],
  ['"int"', '"int"', 8247732601305521295n],
  ['"long"', '"long"', -3434872931120570953n],
  ['"float"', '"float"', 5583340709985441680n],
  ['"double"', '"double"', -8181574048448539266n],
  ['"bytes"', '"bytes"', 5746618253357095269n],
  ['"string"', '"string"', -8142146995180207161n],
  ['{"type":"string"}', '"string"', -8142146995180207161n],
  ['[ "int"  ]', '["int"]', -5232228896498058493n],
  ['[ "int" , {"type":"boolean"} ]', '["int","boolean"]', 5392556393470105090n],
  ['{"fields":[], "type":"record", "name":"foo"}', '{"name":"foo","type":"record","fields":[]}', -4824392279771201922n],
  [
    '{"fields":[], "type":"record", "name":"foo", "namespace":"x.y"}',
    '{"name":"x.y.foo","type":"record","fields":[]}',
    5916914534497305771n,
  ],
  [
    '{"fields":[], "type":"record", "name":"a.b.foo", "namespace":"x.y"}',
    '{"name":"a.b.foo","type":"record","fields":[]}',
    -4616218487480524110n,
  ],
  [
    '{"fields":[], "type":"record", "name":"foo", "doc":"foo", "aliases":["foo","bar"]}',
    '{"name":"foo","type":"record","fields":[]}',
    -4824392279771201922n,
  ],
  [
    '{"fields":[{"type":{"type":"boolean"}, "name":"f1"}], "type":"record", "name":"foo"}',
    '{"name":"foo","type":"record","fields":[{"name":"f1","type":"boolean"}]}',
    7843277075252814651n,
  ],
  [
    '{"fields":[{"type":"boolean","aliases":[],"name":"f1","default":true},{"order":"descending","name":"f2","doc":"Hello","type":"int"}],"type":"record","name":"foo"}',
    '{"name":"foo","type":"record","fields":[{"name":"f1","type":"boolean"},{"name":"f2","type":"int"}]}',
    -4860222112080293046n,
  ],
  [
    '{"type":"enum", "name":"foo", "symbols":["A1"]}',
    '{"name":"foo","type":"enum","symbols":["A1"]}',
    -6342190197741309591n,
  ],
  [
    '{"namespace":"x.y.z", "type":"enum", "name":"foo", "doc":"foo bar", "symbols":["A1", "A2"]}',
    '{"name":"x.y.z.foo","type":"enum","symbols":["A1","A2"]}',
    -4448647247586288245n,
  ],
  ['{"name":"foo","type":"fixed","size":15}', '{"name":"foo","type":"fixed","size":15}', 1756455273707447556n],
  [
    '{"namespace":"x.y.z", "type":"fixed", "name":"foo", "doc":"foo bar", "size":32}',
    '{"name":"x.y.z.foo","type":"fixed","size":32}',
    -3064184465700546786n,
  ],
  ['{ "items":{"type":"null"}, "type":"array"}', '{"type":"array","items":"null"}', -589620603366471059n],
  ['{ "values":"string", "type":"map"}', '{"type":"map","values":"string"}', -8732877298790414990n],
  [
    '{"name":"PigValue","type":"record","fields":[{"name":"value", "type":["null", "int", "long", "PigValue"]}]}',
    '{"name":"PigValue","type":"record","fields":[{"name":"value","type":["null","int","long","PigValue"]}]}',
    -1759257747318642341n,
  ],
];

describe('CRC-64-AVRO', () => {
  it('fingerprints zero bytes as EMPTY', () => {
    expect(crc64Avro(new Uint8Array(0))).toBe(CRC64_AVRO_EMPTY);
  });

  it.each(SPEC_VECTORS.map(([, canonical, fp]) => [canonical, fp]))('%s → %s', (canonical, fp) => {
    expect(toSigned64(crc64Avro(canonical))).toBe(fp);
    expect(crc64Avro(Buffer.from(canonical))).toBe(BigInt.asUintN(64, fp));
  });
});

describe('Parsing Canonical Form (avsc Type#schema())', () => {
  it.each(SPEC_VECTORS)('%s', (input, canonical, fp) => {
    const type = avsc.Type.forSchema(JSON.parse(input) as avsc.Schema);
    expect(parsingCanonicalForm(type)).toBe(canonical);
    expect(toSigned64(schemaFingerprint(type))).toBe(fp);
  });

  it('applies FULLNAMES, STRIP and ORDER to a project-style record', () => {
    const type = avsc.Type.forSchema({
      type: 'record',
      namespace: 'music',
      name: 'Probe',
      doc: 'stripped',
      fields: [
        { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' }, doc: 'stripped' },
        { name: 'ctx', type: ['null', 'string'], default: null },
        { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['OK', 'ERROR'], default: 'ERROR' } },
        {
          name: 'items',
          type: { type: 'array', items: { type: 'record', name: 'Item', fields: [{ name: 'n', type: 'int' }] } },
        },
        { name: 'again', type: 'Item' },
        { name: 'extra', type: { type: 'map', values: 'double' }, order: 'ignore' },
      ],
    });
    expect(parsingCanonicalForm(type)).toBe(
      '{"name":"music.Probe","type":"record","fields":[' +
        '{"name":"at","type":"long"},' +
        '{"name":"ctx","type":["null","string"]},' +
        '{"name":"status","type":{"name":"music.Status","type":"enum","symbols":["OK","ERROR"]}},' +
        '{"name":"items","type":{"type":"array","items":{"name":"music.Item","type":"record","fields":[{"name":"n","type":"int"}]}}},' +
        '{"name":"again","type":"music.Item"},' +
        '{"name":"extra","type":{"type":"map","values":"double"}}]}',
    );
  });
});
