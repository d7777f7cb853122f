import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SpotifyDataSource } from '../../src/spotify/spotify-data-source.js';
import { SPOTIFY_CLIENT, SPOTIFY_DATA_SOURCE, SpotifyModule } from '../../src/spotify/spotify.module.js';
import { SpotifyClient } from '../../src/spotify/spotify.client.js';
import { uniqueName } from '../support/wait-for.js';

const FEATURES = Symbol('FEATURES');
const CANDIDATES = Symbol('CANDIDATES');

@Module({
  providers: [
    { provide: FEATURES, useValue: { featuresFor: async () => new Map() } },
    { provide: CANDIDATES, useValue: { candidatesFor: async () => [] } },
  ],
  exports: [FEATURES, CANDIDATES],
})
class PortsModule {}

describe('SpotifyModule', () => {
  // InfraModule reads process.env: no credentials (so nothing leaves the machine) and a private prefix.
  const saved = { ...process.env };
  beforeAll(() => {
    delete process.env.SPOTIFY_CLIENT_ID;
    delete process.env.SPOTIFY_CLIENT_SECRET;
    process.env.REDIS_KEY_PREFIX = `${uniqueName('spotify_module')}:`;
    process.env.LOG_LEVEL = 'error';
  });
  afterAll(() => {
    process.env = saved;
  });

  it('builds the client and the data source from the infra tokens and the given ports', async () => {
    const app = await NestFactory.createApplicationContext(
      SpotifyModule.withFallbacks({ imports: [PortsModule], catalogFeatures: FEATURES, candidates: CANDIDATES }),
      { logger: false },
    );
    try {
      expect(app.get(SPOTIFY_CLIENT)).toBeInstanceOf(SpotifyClient);
      const source = app.get<SpotifyDataSource>(SPOTIFY_DATA_SOURCE);
      expect(source).toBeInstanceOf(SpotifyDataSource);
      // No credentials in this environment: the fallback answers instead of failing.
      expect(await source.recommendations(['abc'], 5)).toEqual({
        trackIds: [],
        tracks: [],
        meta: { source: 'catalog-fallback', reason: 'spotify credentials not configured' },
      });
    } finally {
      await app.close();
    }
  });
});
