import { fileURLToPath } from 'node:url';

/** The repository root: this file runs as dist/bench/lib/paths.js. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const RESULTS_DIR = fileURLToPath(new URL('../../../bench/results/', import.meta.url));
export const KAFKA_LIBS = fileURLToPath(new URL('../../../.stack/kafka/libs/', import.meta.url));
export const KAFKA_LOG4J = fileURLToPath(new URL('../../../.stack/kafka/log4j.properties', import.meta.url));
export const SHARED_DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
