import { assertSchemaName, searchPathOption } from './pool.js';

describe('searchPathOption', () => {
  it.each([
    ['plain', 't_abc_1234', '-c search_path="t_abc_1234"'],
    ['upper case kept', 'Mixed', '-c search_path="Mixed"'],
    ['space escaped', 'my schema', '-c search_path="my\\ schema"'],
    ['double quote doubled', 'a"b', '-c search_path="a""b"'],
    ['backslash escaped', 'a\\b', '-c search_path="a\\\\b"'],
    ['comma stays inside the identifier', 'a,b', '-c search_path="a,b"'],
  ])('%s', (_name, schema, expected) => {
    expect(searchPathOption(schema)).toBe(expected);
  });
});

describe('assertSchemaName', () => {
  it.each([[''], ['x'.repeat(64)], ['a\0b']])('rejects %j', (schema) => {
    expect(() => assertSchemaName(schema)).toThrow('invalid schema name');
  });

  it('accepts 63 bytes', () => {
    expect(() => assertSchemaName('x'.repeat(63))).not.toThrow();
  });
});
