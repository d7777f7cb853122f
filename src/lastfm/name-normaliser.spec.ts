import { normaliseArtist, normaliseTitle, normaliseWords } from './name-normaliser.js';

describe('normaliseTitle', () => {
  it.each([
    ['Let It Be - Remastered 2009', 'let it be'],
    ['Let It Be', 'let it be'],
    ['Get Lucky (feat. Pharrell Williams) - Radio Edit', 'get lucky'],
    ['Get Lucky feat. Pharrell Williams', 'get lucky'],
    ['Get Lucky ft. Pharrell', 'get lucky'],
    ['Song [Live at Wembley]', 'song'],
    ['Song – Live', 'song'],
    ['  Jóga  ', 'joga'],
    ['Don’t Stop Me Now', 'dont stop me now'],
    ["Don't Stop Me Now", 'dont stop me now'],
    ['Rock & Roll', 'rock and roll'],
    ['Hello, Goodbye!', 'hello goodbye'],
    ['Jay-Z', 'jay z'],
    ['Part 1 - The Beginning', 'part 1'],
    ['(Untitled)', 'untitled'],
    ['- Intro -', 'intro'],
    ['夜に駆ける', '夜に駆ける'],
    ['Группа крови', 'группа крови'],
    ['Ｆｕｌｌ Ｗｉｄｔｈ', 'full width'],
    ['ﬁre', 'fire'],
  ])('%j → %j', (title, expected) => expect(normaliseTitle(title)).toBe(expected));
});

describe('normaliseArtist', () => {
  it.each([
    ['The Beatles', 'beatles'],
    ['Beatles', 'beatles'],
    ['Röyksopp', 'royksopp'],
    ['Björk', 'bjork'],
    ['Simon & Garfunkel', 'simon and garfunkel'],
    ['Jay-Z feat. Rihanna', 'jay z'],
    ['The The', 'the'],
    ['The', 'the'],
    ['  AC/DC ', 'ac dc'],
    ['Beyoncé', 'beyonce'],
    ['!!!', ''],
  ])('%j → %j', (artist, expected) => expect(normaliseArtist(artist)).toBe(expected));
});

describe('normaliseWords', () => {
  it.each([
    ['Mötley Crüe', 'motley crue'],
    ['a  b\tc', 'a b c'],
    ['', ''],
  ])('%j → %j', (text, expected) => expect(normaliseWords(text)).toBe(expected));
});
