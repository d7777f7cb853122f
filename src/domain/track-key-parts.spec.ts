import { bucketOfGenres } from './genre.js';
import { trackKeyPart } from './state-key.js';
import { syntheticTracks } from './test-fixtures.js';
import { buildTrackKeyParts } from './track-key-parts.js';
import type { Track } from './types.js';

describe('buildTrackKeyParts', () => {
  // Synthetic tracks plus values exactly on the bin cuts (1/3, 2/3 and 90, 130 BPM).
  const edges: Track[] = [1 / 3, 2 / 3, 0, 1].map((x, k) => ({
    ...syntheticTracks(1, `edge-${k}`)[0],
    trackId: `edge-${k}`,
    energy: x,
    valence: 1 - x,
    danceability: x,
    tempo: [90, 130, 0, 200][k],
    genres: [['pop'], ['hip-hop'], [], ['polka', 'indie-pop']][k],
  }));
  const tracks = [...syntheticTracks(2000, 'key-parts'), ...edges];
  const parts = buildTrackKeyParts(
    tracks,
    tracks.map((t) => bucketOfGenres(t.genres)),
  );

  it('gives every track exactly its trackKeyPart', () => {
    tracks.forEach((t, i) => expect(parts.parts[parts.ofTrack[i]]).toBe(trackKeyPart(t)));
  });

  it('interns: one entry per distinct key part', () => {
    expect(new Set(parts.parts).size).toBe(parts.parts.length);
    expect(parts.parts.length).toBe(new Set(tracks.map(trackKeyPart)).size);
  });
});
