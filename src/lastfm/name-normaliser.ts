/**
 * Normalised artist and track names, so a 2005 scrobble and a 2022 Spotify row of the
 * same song compare equal. Both sides go through the same functions. Letters of every
 * script survive (Japanese, Cyrillic …); only case, accents, punctuation and the
 * decorations below are dropped.
 */

/** `(feat. X)`, `[Live]`, `(Remastered)`: any bracketed part (never the whole title, see below). */
const BRACKETED = /[([][^)\]]*[)\]]/g;
/** A trailing ` - Remastered 2011`, ` - Live`, ` – Radio Edit`: needs spaces, so `Jay-Z` stays. */
const DASH_SUFFIX = /\s+[-–—]\s+.*$/;
/** A trailing unbracketed featuring credit. */
const FEATURING = /\s+(?:feat\.?|ft\.?|featuring)\s.*$/;
const APOSTROPHES = /['’`´]/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;

/** Lower case, no diacritics, `&` as `and`, apostrophes removed, other punctuation as single spaces. */
export function normaliseWords(text: string): string {
  return foldCase(text).replace(/&/g, ' and ').replace(APOSTROPHES, '').replace(NOT_WORD, ' ').trim();
}

/** Track title without version decorations; falls back to the full title when nothing else is left. */
export function normaliseTitle(title: string): string {
  const folded = foldCase(title);
  const core = folded.replace(BRACKETED, ' ').replace(DASH_SUFFIX, '').replace(FEATURING, '');
  const words = normaliseWords(core);
  return words !== '' ? words : normaliseWords(folded);
}

/** Artist name without a featuring credit or a leading `the` (`The Beatles` = `Beatles`). */
export function normaliseArtist(artist: string): string {
  const words = normaliseWords(foldCase(artist).replace(FEATURING, ''));
  const bare = words.startsWith('the ') ? words.slice(4) : words;
  return bare !== '' ? bare : words;
}

/** NFKD splits `é` into `e` + a combining mark, which is then dropped; NFKD also folds `ﬁ` → `fi`. */
function foldCase(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().trim();
}
