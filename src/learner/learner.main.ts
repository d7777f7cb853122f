import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { LearnerOpsModule } from '../observability/learner-ops.module.js';
import { nestLogger } from '../observability/logging/nest-logger.js';

/** The event-path process: `node dist/src/learner/learner.main.js`. */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(LearnerOpsModule, { logger: nestLogger('learner') });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
