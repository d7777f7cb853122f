// The Kafka service: reuse a reachable broker, or start our own from .stack/kafka.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import kafkajs from 'kafkajs';
import { DEFAULT_KAFKA_BROKERS, KAFKA_HEAP_OPTS, kafkaBrokers } from './constants.mjs';
import {
  ensureClasspath,
  ensureFormatted,
  findJava,
  jvmBase,
  KAFKA_DIR,
  KAFKA_FILES,
  writeConfig,
} from './kafka-install.mjs';
import { isAlive, ownedPid, stopProcess, withLock } from './proc.mjs';
import { say, seconds, StackError, tailOf, tcpOpen, waitFor } from './util.mjs';

const { Kafka, logLevel } = kafkajs;
const READY_DEADLINE_MS = 90000;
// As kafka-server-start.sh, with a heap sized for a 2-core test machine.
const JVM_OPTS = [
  ...KAFKA_HEAP_OPTS.split(' '),
  '-XX:+UseG1GC',
  '-XX:MaxGCPauseMillis=20',
  '-XX:InitiatingHeapOccupancyPercent=35',
  '-XX:+ExplicitGCInvokesConcurrent',
  '-Djava.awt.headless=true',
];
const owned = () => ownedPid({ pidFile: KAFKA_FILES.pid, markers: ['kafka.Kafka', KAFKA_FILES.config] });

/**
 * A real admin round trip: resolves the cluster description or throws. Looking up
 * a group's coordinator makes a fresh broker create __consumer_offsets now, so the
 * first test's consumer does not meet "group coordinator is not available".
 */
export async function describeKafka(brokers) {
  const kafka = new Kafka({
    clientId: 'stack-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 3000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    const topics = await admin.listTopics();
    await admin.describeGroups(['stack-readiness-probe']);
    return { clusterId: cluster.clusterId, brokerCount: cluster.brokers.length, topicCount: topics.length };
  } finally {
    await admin.disconnect();
  }
}

async function anyPortOpen(brokers) {
  const open = await Promise.all(
    brokers.map((b) => {
      const [host, port] = b.split(':');
      return tcpOpen({ host, port: Number(port) });
    }),
  );
  return open.includes(true);
}

async function waitReady({ brokers, pid }) {
  const result = await waitFor({
    probe: () => describeKafka(brokers),
    deadlineMs: READY_DEADLINE_MS,
    onWait: (ms, error) =>
      say('kafka', `waiting for ${brokers.join(',')} (${Math.round(ms / 1000)} s${error ? `: ${error.message}` : ''})`),
    abort: () => (pid !== undefined && !isAlive(pid) ? 'the broker process exited' : undefined),
  });
  if (result.ok) return result.value;
  const cause = result.lastError ? ` (last error: ${result.lastError.message})` : '';
  throw new StackError(
    `kafka: ${result.reason}${cause}\n--- tail of ${KAFKA_FILES.log} ---\n${tailOf(KAFKA_FILES.log)}`,
  );
}

function startBroker(java) {
  const log = openSync(KAFKA_FILES.log, 'w');
  const child = spawn(java, [...JVM_OPTS, ...jvmBase(), 'kafka.Kafka', KAFKA_FILES.config], {
    cwd: KAFKA_DIR, // where a crashing JVM drops hs_err files
    detached: true,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  child.unref();
  writeFileSync(KAFKA_FILES.pid, `${child.pid}\n`);
  return child.pid;
}

async function startOwnBroker(brokers) {
  const java = findJava();
  let mark = Date.now();
  const phases = [];
  const timed = (label, fn) => {
    const did = fn();
    phases.push(`${label} ${did ? seconds(mark) : 'cached'}`);
    mark = Date.now();
  };
  say('kafka', `nothing answers at ${brokers.join(',')}: starting a local broker`);
  timed('jars', ensureClasspath);
  writeConfig();
  timed('format', () => ensureFormatted(java));
  const pid = startBroker(java);
  try {
    const info = await waitReady({ brokers, pid });
    phases.push(`ready ${seconds(mark)}`);
    return { pid, info, phases };
  } catch (error) {
    await stopProcess({ pid, graceMs: 5000 }).catch((stopError) =>
      say('kafka', `stop after failure: ${stopError.message}`),
    );
    rmSync(KAFKA_FILES.pid, { force: true });
    throw error;
  }
}

export async function kafkaUp(env) {
  const start = Date.now();
  const brokers = kafkaBrokers(env);
  mkdirSync(KAFKA_DIR, { recursive: true });
  return withLock(KAFKA_FILES.lock, async () => {
    const pid = owned();
    if (pid !== undefined || (await anyPortOpen(brokers))) {
      const info = await waitReady({ brokers, pid });
      const by = pid !== undefined ? `started by stack, pid ${pid}` : 'not started by stack';
      say('kafka', `already running at ${brokers.join(',')} (${by}, cluster ${info.clusterId}) ${seconds(start)}`);
      return { brokers, started: false };
    }
    if (brokers.join(',') !== DEFAULT_KAFKA_BROKERS) {
      throw new StackError(
        `kafka: KAFKA_BROKERS=${brokers.join(',')} is unreachable; unset it to start a local broker on ${DEFAULT_KAFKA_BROKERS}`,
      );
    }
    const { pid: newPid, info, phases } = await startOwnBroker(brokers);
    say(
      'kafka',
      `up at ${brokers.join(',')} (pid ${newPid}, cluster ${info.clusterId}) in ${seconds(start)}: ${phases.join(', ')}`,
    );
    return { brokers, started: true };
  });
}

export async function kafkaDown(env) {
  const pid = owned();
  if (pid === undefined) {
    const open = await anyPortOpen(kafkaBrokers(env));
    say('kafka', open ? 'running but not started by stack: left alone' : 'not running');
    return;
  }
  const start = Date.now();
  const how = await stopProcess({ pid, signal: 'SIGTERM', graceMs: 30000 });
  rmSync(KAFKA_FILES.pid, { force: true });
  say('kafka', `${how} (pid ${pid}) in ${seconds(start)}`);
}

export async function kafkaStatus(env) {
  const brokers = kafkaBrokers(env);
  const pid = owned();
  const by = pid !== undefined ? `started by stack, pid ${pid}` : 'not started by stack';
  try {
    const info = await describeKafka(brokers);
    say(
      'kafka',
      `up at ${brokers.join(',')} (${by}, cluster ${info.clusterId}, ${info.brokerCount} broker, ${info.topicCount} topics)`,
    );
  } catch (error) {
    say('kafka', pid !== undefined ? `starting or unhealthy (${by}): ${error.message}` : `down (${error.message})`);
  }
}
