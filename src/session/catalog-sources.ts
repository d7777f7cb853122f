/**
 * The two ports SpotifyDataSource falls back to, for the session's use of it: features
 * of tracks already in our catalog (`tracks`), and no recommendation candidates.
 */
import { Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { findByIds } from '../catalog/track.repository.js';
import type { Executor } from '../infra/postgres/pool.js';
import { InfraModule, POOL } from '../infra/infra.module.js';
import type { RecommendationCandidateSource } from '../spotify/spotify-data-source.js';
import { FEATURE_FIELDS, type CatalogFeatureSource, type TrackFeatures } from '../spotify/track-features.js';

export const CATALOG_FEATURES = Symbol('CATALOG_FEATURES');
export const NO_CANDIDATES = Symbol('NO_CANDIDATES');

export function catalogFeatureSource(db: Executor): CatalogFeatureSource {
  return {
    async featuresFor(trackIds) {
      const rows = await findByIds(db, trackIds);
      return new Map(
        rows.map((r) => [r.track_id, Object.fromEntries(FEATURE_FIELDS.map((f) => [f, r[f]])) as TrackFeatures]),
      );
    },
  };
}

/** The session never asks Spotify for recommendations (ranking is the recommender's job). */
export const noCandidates: RecommendationCandidateSource = { candidatesFor: async () => [] };

@Module({
  imports: [InfraModule],
  providers: [
    { provide: CATALOG_FEATURES, inject: [POOL], useFactory: (pool: Pool) => catalogFeatureSource(pool) },
    { provide: NO_CANDIDATES, useValue: noCandidates },
  ],
  exports: [CATALOG_FEATURES, NO_CANDIDATES],
})
export class CatalogSourcesModule {}
