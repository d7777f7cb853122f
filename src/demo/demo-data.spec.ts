import { join } from 'node:path';
import { DemoDataError, resolveDataSource } from './demo-data.js';

const ROOT = '/repo/main';
const SHARED = '/repo/shared/data';
const ALL = [
  join(SHARED, 'lastfm-1k/plays.tsv.gz'),
  join(SHARED, 'lastfm-1k/userid-profile.tsv'),
  join(SHARED, 'spotify-tracks/dataset.csv.gz'),
];
const having =
  (...paths: string[]) =>
  (p: string) =>
    paths.includes(p);

describe('resolveDataSource', () => {
  it('defaults to ../shared/data next to the repository when it has the files', () => {
    expect(
      resolveDataSource({ configuredDir: null, forceGenerated: false, repoRoot: ROOT, exists: having(...ALL) }),
    ).toEqual({
      kind: 'files',
      dir: SHARED,
      plays: ALL[0],
      profiles: ALL[1],
      catalog: ALL[2],
    });
  });

  it('accepts uncompressed files in a configured directory', () => {
    const dir = '/data';
    const files = ['lastfm-1k/plays.tsv', 'lastfm-1k/userid-profile.tsv', 'spotify-tracks/dataset.csv'].map((f) =>
      join(dir, f),
    );
    const source = resolveDataSource({
      configuredDir: dir,
      forceGenerated: false,
      repoRoot: ROOT,
      exists: having(...files),
    });
    expect(source).toMatchObject({ kind: 'files', plays: files[0], catalog: files[2] });
  });

  it('falls back to generated data when the default directory is missing or incomplete', () => {
    expect(resolveDataSource({ configuredDir: null, forceGenerated: false, repoRoot: ROOT, exists: having() })).toEqual(
      {
        kind: 'generated',
        why: `${SHARED} does not exist`,
      },
    );
    expect(
      resolveDataSource({ configuredDir: null, forceGenerated: false, repoRoot: ROOT, exists: having(SHARED, ALL[0]) }),
    ).toEqual({ kind: 'generated', why: `${SHARED} has no profiles, catalog file` });
  });

  it('fails instead of generating when MUSIC_DATA_DIR names an incomplete directory', () => {
    expect(() =>
      resolveDataSource({ configuredDir: '/nope', forceGenerated: false, repoRoot: ROOT, exists: having() }),
    ).toThrow(
      new DemoDataError('MUSIC_DATA_DIR: /nope has no plays, profiles, catalog file (see docs/demo.md for the layout)'),
    );
  });

  it('generates when asked, whatever exists', () => {
    expect(
      resolveDataSource({ configuredDir: null, forceGenerated: true, repoRoot: ROOT, exists: having(...ALL) }).kind,
    ).toBe('generated');
  });
});
