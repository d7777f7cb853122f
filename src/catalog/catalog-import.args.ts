import { parseArgs } from 'node:util';

export type CatalogInput = { kind: 'file'; path: string } | { kind: 'generated'; count: number; seed: string };

export interface CatalogImportArgs {
  readonly input: CatalogInput;
  readonly kafka: boolean;
  readonly batchSize: number;
}

export const USAGE = `usage: catalog:import -- <dataset.csv[.gz]> [--no-kafka] [--batch-size N]
       catalog:import -- --generated [--count N] [--seed S] [--no-kafka]
DB and Kafka settings come from the environment (DATABASE_URL, DATABASE_SCHEMA, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX).`;

/** A command line that cannot be run; the CLI prints the usage with it. */
export class UsageError extends Error {
  readonly retriable = false;
  override readonly name = 'UsageError';
}

export function parseCatalogImportArgs(argv: readonly string[]): CatalogImportArgs {
  const { values, positionals } = parseUsage(argv);
  if (values.generated && positionals.length > 0) throw new UsageError('give either a file or --generated, not both');
  if (!values.generated && positionals.length !== 1)
    throw new UsageError('expected exactly one dataset file (or --generated)');
  if (!values.generated && (values.count !== undefined || values.seed !== undefined)) {
    throw new UsageError('--count and --seed only apply to --generated');
  }
  const input: CatalogInput = values.generated
    ? { kind: 'generated', count: positiveInt('--count', values.count ?? '5000'), seed: values.seed ?? 'music-rl' }
    : { kind: 'file', path: positionals[0] };
  return { input, kafka: !values['no-kafka'], batchSize: positiveInt('--batch-size', values['batch-size'] ?? '2000') };
}

function parseUsage(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        generated: { type: 'boolean' },
        count: { type: 'string' },
        seed: { type: 'string' },
        'no-kafka': { type: 'boolean' },
        'batch-size': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function positiveInt(flag: string, text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`${flag} must be a positive integer, got ${JSON.stringify(text)}`);
  return n;
}
