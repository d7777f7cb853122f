import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultMigrationsDir } from './migration-files.js';
import { migrate } from './migrator.js';
import { createPool } from './pool.js';

// Usage: node dist/src/infra/postgres/migrate.cli.js [--database-url URL] [--schema NAME] [--dir PATH]
// Env is read only here (see CONVENTIONS.md); it moves to src/config later.

export interface MigrateCliArgs {
  databaseUrl: string;
  schema: string;
  dir: string;
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function parseMigrateCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv): MigrateCliArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'database-url': { type: 'string' },
      schema: { type: 'string' },
      dir: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    databaseUrl: values['database-url'] ?? env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    schema: values.schema ?? env.DATABASE_SCHEMA ?? 'public',
    dir: values.dir ?? defaultMigrationsDir(),
  };
}

export async function runMigrateCli(args: MigrateCliArgs, log: (line: string) => void): Promise<string[]> {
  const pool = createPool({
    connectionString: args.databaseUrl,
    schema: args.schema,
    max: 1,
    applicationName: 'migrate-cli',
  });
  try {
    const applied = await migrate({ pool, schema: args.schema, dir: args.dir, log });
    log(applied.length === 0 ? `schema ${args.schema} is up to date` : `applied ${applied.length} migration(s)`);
    return applied;
  } finally {
    await pool.end();
  }
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

async function main(): Promise<void> {
  await runMigrateCli(parseMigrateCliArgs(process.argv.slice(2), process.env), (line) => console.log(line));
}

if (isEntryPoint) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? `${err.name}: ${err.message}` : err);
    process.exitCode = 1;
  });
}
