import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { LearnerModule } from './learner.module.js';

/** The event-path process: `node dist/src/learner/learner.main.js`. */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(LearnerModule, { logger: ['error', 'warn'] });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
