/** Spotify-shaped fixtures for the fake server: deterministic, derived from the id. */
export function fakeTrack(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: `Track ${id}`,
    artists: [{ id: `ar${id}`, name: `Artist ${id}`, uri: `spotify:artist:ar${id}` }],
    album: { id: `al${id}`, name: `Album ${id}`, release_date: '2024-03-01', release_date_precision: 'day' },
    duration_ms: 200_000,
    explicit: false,
    popularity: 42,
    uri: `spotify:track:${id}`,
    ...overrides,
  };
}

/** Features with values that encode the id's position, so order mistakes show. */
export function fakeFeatures(id: string, index = 0): Record<string, unknown> {
  return {
    id,
    danceability: (index % 100) / 100,
    energy: 0.5,
    key: index % 12,
    loudness: -7.5,
    mode: 1,
    speechiness: 0.05,
    acousticness: 0.2,
    instrumentalness: 0,
    liveness: 0.1,
    valence: 0.6,
    tempo: 120 + index,
    time_signature: 4,
    duration_ms: 200_000,
    type: 'audio_features',
  };
}

export function fakeAlbum(id: string): Record<string, unknown> {
  return {
    id,
    name: `Album ${id}`,
    release_date: '2025-01-10',
    release_date_precision: 'day',
    total_tracks: 10,
    artists: [{ id: `ar${id}`, name: `Artist ${id}` }],
  };
}

/** `n` base62 ids (`t000`, `t001`, …). */
export function fakeIds(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
}
