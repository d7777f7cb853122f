import { parseFloatStrict, parseIntStrict } from './strict-number.js';

const ANY = { min: -Number.MAX_VALUE, max: Number.MAX_VALUE };

describe('parseFloatStrict', () => {
  it.each([
    ['0.0', 0],
    ['1', 1],
    ['-6.746', -6.746],
    ['1.01e-06', 1.01e-6],
    ['2E3', 2000],
    ['.5', 0.5],
    ['+3.', 3],
  ])('%s → %d', (text, expected) => {
    expect(parseFloatStrict(text, ANY)).toBe(expected);
  });

  it.each(['', ' 1', '1 ', 'NaN', 'Infinity', '0x1f', '1e', '1,5', '--1', '1e999'])('rejects %j', (text) => {
    expect(() => parseFloatStrict(text, ANY)).toThrow();
  });

  it.each([
    ['-0.01', 0, 1],
    ['1.0001', 0, 1],
  ])('rejects %s outside %d..%d', (text, min, max) => {
    expect(() => parseFloatStrict(text, { min, max })).toThrow(/out of range/);
  });
});

describe('parseIntStrict', () => {
  it.each([
    ['0', 0],
    ['230666', 230666],
    ['-1', -1],
  ])('%s → %d', (text, expected) => {
    expect(parseIntStrict(text, ANY)).toBe(expected);
  });

  it.each(['1.0', '1e3', '', '9007199254740993', 'x'])('rejects %j', (text) => {
    expect(() => parseIntStrict(text, ANY)).toThrow();
  });
});
