/**
 * GenZ buckets: the coarse genre families the product shows and learns over.
 *
 * Rule for unmapped genres: a genre label is looked up verbatim in BUCKET_OF;
 * failing that, by the first keyword it contains (KEYWORD_RULES, in order);
 * anything still unmatched falls into 'Other' (learned like any bucket, never shown
 * as a top bucket). The table covers all 114 labels of the shared Spotify catalog.
 */
export const GENZ_BUCKETS = [
  'Lo-fi Chill',
  'Pop Anthems',
  'Hype Beats',
  'Indie Vibes',
  'R&B Feels',
  'Sad Boy Hours',
  'Other',
] as const;
export type GenZBucket = (typeof GENZ_BUCKETS)[number];

const TABLE: Record<Exclude<GenZBucket, 'Other'>, readonly string[]> = {
  'Lo-fi Chill': [
    'acoustic',
    'ambient',
    'chill',
    'classical',
    'new-age',
    'piano',
    'sleep',
    'study',
    'jazz',
    'bluegrass',
    'folk',
    'guitar',
    'world-music',
    'trip-hop',
    'minimal-techno',
    'idm',
    'opera',
    'tango',
    'bossa-nova',
    'mpb',
  ],
  'Pop Anthems': [
    'pop',
    'dance',
    'k-pop',
    'j-pop',
    'j-idol',
    'j-dance',
    'cantopop',
    'mandopop',
    'power-pop',
    'synth-pop',
    'pop-film',
    'disney',
    'show-tunes',
    'happy',
    'party',
    'latin',
    'latino',
    'reggaeton',
    'salsa',
    'samba',
    'pagode',
    'sertanejo',
    'forro',
    'brazil',
    'spanish',
    'french',
    'german',
    'swedish',
    'turkish',
    'indian',
    'iranian',
    'malay',
    'anime',
    'kids',
    'children',
    'comedy',
    'romance',
    'country',
    'honky-tonk',
    'disco',
  ],
  'Hype Beats': [
    'hip-hop',
    'edm',
    'electro',
    'electronic',
    'house',
    'deep-house',
    'chicago-house',
    'progressive-house',
    'techno',
    'detroit-techno',
    'trance',
    'dubstep',
    'drum-and-bass',
    'breakbeat',
    'hardstyle',
    'club',
    'dancehall',
    'garage',
    'metal',
    'heavy-metal',
    'black-metal',
    'death-metal',
    'metalcore',
    'grindcore',
    'hardcore',
    'hard-rock',
    'industrial',
    'punk',
    'punk-rock',
    'workout',
    'afrobeat',
    'dub',
    'reggae',
    'ska',
  ],
  'Indie Vibes': [
    'indie',
    'indie-pop',
    'alternative',
    'alt-rock',
    'rock',
    'psych-rock',
    'grunge',
    'british',
    'singer-songwriter',
    'songwriter',
    'rock-n-roll',
    'rockabilly',
    'j-rock',
    'goth',
    'groove',
  ],
  'R&B Feels': ['r-n-b', 'soul', 'funk', 'gospel', 'blues'],
  'Sad Boy Hours': ['sad', 'emo'],
};

const BUCKET_OF: ReadonlyMap<string, GenZBucket> = new Map(
  Object.entries(TABLE).flatMap(([bucket, genres]) => genres.map((g) => [g, bucket as GenZBucket] as const)),
);

/** Checked in order; the first keyword found inside an unknown label decides its bucket. */
const KEYWORD_RULES: ReadonlyArray<readonly [string, GenZBucket]> = [
  ['sad', 'Sad Boy Hours'],
  ['emo', 'Sad Boy Hours'],
  ['lo-fi', 'Lo-fi Chill'],
  ['lofi', 'Lo-fi Chill'],
  ['chill', 'Lo-fi Chill'],
  ['ambient', 'Lo-fi Chill'],
  ['r&b', 'R&B Feels'],
  ['r-n-b', 'R&B Feels'],
  ['soul', 'R&B Feels'],
  ['indie', 'Indie Vibes'],
  ['rock', 'Indie Vibes'],
  ['hip hop', 'Hype Beats'],
  ['hip-hop', 'Hype Beats'],
  ['rap', 'Hype Beats'],
  ['trap', 'Hype Beats'],
  ['metal', 'Hype Beats'],
  ['house', 'Hype Beats'],
  ['techno', 'Hype Beats'],
  ['edm', 'Hype Beats'],
  ['pop', 'Pop Anthems'],
];

/** Normalises a genre label: lower case, trimmed, spaces and underscores as in the catalog's kebab-case. */
export function normaliseGenre(label: string): string {
  let g = NORMALISED.get(label);
  if (g === undefined) {
    g = label
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-');
    remember(NORMALISED, label, g);
  }
  return g;
}

/*
 * Genre labels form a small vocabulary (114 in the Spotify catalog) looked up on every event
 * and every scored track: the pure mappings below are memoised per label, and the learner's
 * distinct labels per track's genre list (the same array object while the track is cached).
 */
const MEMO_LIMIT = 50_000;
const NORMALISED = new Map<string, string>();
const BUCKET_OF_LABEL = new Map<string, GenZBucket>();
const DISTINCT_OF_LIST = new WeakMap<readonly string[], readonly string[]>();

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
}

/** The distinct non-empty normalised labels of a genre list, in first-seen order. */
export function distinctNormalisedGenres(genres: readonly string[]): readonly string[] {
  let distinct = DISTINCT_OF_LIST.get(genres);
  if (distinct === undefined) {
    distinct = [...new Set(genres.map(normaliseGenre))].filter((g) => g !== '');
    DISTINCT_OF_LIST.set(genres, distinct);
  }
  return distinct;
}

export function bucketOfGenre(label: string): GenZBucket {
  let bucket = BUCKET_OF_LABEL.get(label);
  if (bucket === undefined) {
    bucket = bucketOfLabel(label);
    remember(BUCKET_OF_LABEL, label, bucket);
  }
  return bucket;
}

function bucketOfLabel(label: string): GenZBucket {
  const g = normaliseGenre(label);
  const direct = BUCKET_OF.get(g);
  if (direct) return direct;
  const spaced = g.replace(/-/g, ' ');
  for (const [keyword, bucket] of KEYWORD_RULES) {
    if (g.includes(keyword) || spaced.includes(keyword)) return bucket;
  }
  return 'Other';
}

/** A track's bucket: the bucket of its first genre that maps to a named bucket, else 'Other'. */
export function bucketOfGenres(genres: readonly string[]): GenZBucket {
  for (const genre of genres) {
    const bucket = bucketOfGenre(genre);
    if (bucket !== 'Other') return bucket;
  }
  return 'Other';
}
