#!/usr/bin/env node
// The local stack for tests, demo and benchmarks: Kafka (started from Maven
// Central jars when nothing answers), Postgres and Redis (used when reachable,
// else private instances from local binaries). State lives in .stack/.
//
//   node scripts/stack/stack.mjs up|down|status
//
// A Jest globalSetup can `import { up } from '../scripts/stack/stack.mjs'`.
import { pathToFileURL } from 'node:url';
import { kafkaDown, kafkaStatus, kafkaUp } from './kafka.mjs';
import { postgresDown, postgresStatus, postgresUp } from './postgres.mjs';
import { redisDown, redisStatus, redisUp } from './redis.mjs';
import { say, seconds, StackError } from './util.mjs';

/** Makes every service reachable; throws (a StackError for expected failures) otherwise. */
export async function up(env = process.env) {
  const start = Date.now();
  const postgres = await postgresUp(env);
  const redis = await redisUp(env);
  const kafka = await kafkaUp(env);
  say('stack', `up in ${seconds(start)}`);
  return { kafka, postgres, redis };
}

/** Stops only what `up` started (per the pid files in .stack/). */
export async function down(env = process.env) {
  await kafkaDown(env);
  await redisDown(env);
  await postgresDown(env);
}

/** Prints each service's state; never throws for a service being down. */
export async function status(env = process.env) {
  await kafkaStatus(env);
  await postgresStatus(env);
  await redisStatus(env);
}

const COMMANDS = { up, down, status };

async function main(argv) {
  const command = COMMANDS[argv[0]];
  if (!command) {
    process.stderr.write('usage: node scripts/stack/stack.mjs up|down|status\n');
    return 2;
  }
  try {
    await command(process.env);
    return 0;
  } catch (error) {
    process.stderr.write(`[stack] ${error instanceof StackError ? error.message : error.stack}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
