/**
 * A 5×7 bitmap font for chart labels, so charts render with no font file, native
 * module or browser. Upper case only (lower case is drawn as upper case); each glyph is
 * seven rows of five bits, most significant bit leftmost, as hex pairs.
 */
const GLYPHS: ReadonlyArray<readonly [string, string]> = [
  ['A', '0e11111f111111'],
  ['B', '1e11111e11111e'],
  ['C', '0e11101010110e'],
  ['D', '1c12111111121c'],
  ['E', '1f10101e10101f'],
  ['F', '1f10101e101010'],
  ['G', '0e11101711110f'],
  ['H', '1111111f111111'],
  ['I', '0e04040404040e'],
  ['J', '0702020202120c'],
  ['K', '11121418141211'],
  ['L', '1010101010101f'],
  ['M', '111b1515111111'],
  ['N', '11111915131111'],
  ['O', '0e11111111110e'],
  ['P', '1e11111e101010'],
  ['Q', '0e11111115120d'],
  ['R', '1e11111e141211'],
  ['S', '0f10100e01011e'],
  ['T', '1f040404040404'],
  ['U', '1111111111110e'],
  ['V', '1111110a0a0404'],
  ['W', '1111111515150a'],
  ['X', '11110a040a1111'],
  ['Y', '11110a04040404'],
  ['Z', '1f01020408101f'],
  ['0', '0e11131519110e'],
  ['1', '040c040404040e'],
  ['2', '0e11010204081f'],
  ['3', '1f02040201110e'],
  ['4', '02060a121f0202'],
  ['5', '1f101e0101110e'],
  ['6', '0608101e11110e'],
  ['7', '1f010204080808'],
  ['8', '0e11110e11110e'],
  ['9', '0e11110f01020c'],
  [' ', '00000000000000'],
  ['.', '00000000000c0c'],
  [',', '000000000c0408'],
  [':', '000c0c000c0c00'],
  ['-', '0000001f000000'],
  ['+', '0004041f040400'],
  ['/', '00010204081000'],
  ['%', '18190204081303'],
  ['(', '02040808080402'],
  [')', '08040202020408'],
  ['<', '02040810080402'],
  ['>', '08040201020408'],
  ['=', '00001f001f0000'],
  ['_', '0000000000001f'],
  ["'", '0c040800000000'],
  ['*', '0004150e150400'],
  ['?', '0e110102040004'],
  ['!', '04040404040004'],
  ['#', '0a0a1f0a1f0a0a'],
  ['[', '0e08080808080e'],
  [']', '0e02020202020e'],
  ['×', '00110a040a1100'],
  ['≥', '0804020408001f'],
  ['≤', '0204080402001f'],
  ['@', '0e11171517100f'],
];

export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 7;

const ROWS = new Map<string, readonly number[]>(
  GLYPHS.map(([ch, hex]) => [
    ch,
    Array.from({ length: GLYPH_HEIGHT }, (_, r) => parseInt(hex.slice(r * 2, r * 2 + 2), 16)),
  ]),
);

/** Rows of a character's glyph; unknown characters draw as '?'. */
export function glyphRows(ch: string): readonly number[] {
  return ROWS.get(ch.toUpperCase()) ?? (ROWS.get('?') as readonly number[]);
}
