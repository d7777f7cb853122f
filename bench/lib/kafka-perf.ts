/**
 * Kafka's own performance tools (kafka-tools 3.9.1, on the broker's classpath in
 * .stack/kafka/libs): the ceiling our event path is quoted against, measured on the same
 * machine, broker and topic in the same run.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { KAFKA_LIBS, KAFKA_LOG4J } from './paths.js';

const run = promisify(execFile);
const JVM = [
  '-Xms128m',
  '-Xmx512m',
  '-XX:+UseG1GC',
  `-Dlog4j.configuration=file:${KAFKA_LOG4J}`,
  '-cp',
  `${KAFKA_LIBS}*`,
];
const BROKER = '127.0.0.1:9092';

export interface ConsumerCeiling {
  readonly messages: number;
  readonly megabytes: number;
  /** Whole run including the group join (the tool's nMsg.sec). */
  readonly messagesPerSecond: number;
  /** Fetching only, group join excluded (fetch.nMsg.sec): compared with our steady rate. */
  readonly fetchMessagesPerSecond: number;
  readonly fetchMegabytesPerSecond: number;
  readonly rebalanceMs: number;
}

export interface ProducerCeiling {
  readonly records: number;
  readonly recordsPerSecond: number;
  readonly megabytesPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

async function tool(mainClass: string, args: string[], timeoutMs: number): Promise<string> {
  const { stdout } = await run('java', [...JVM, mainClass, ...args], { timeout: timeoutMs, maxBuffer: 16 << 20 });
  return stdout;
}

export async function javaVersion(): Promise<string> {
  const { stderr } = await run('java', ['-version']);
  return stderr.split('\n')[0]?.trim() ?? 'unknown';
}

export async function kafkaToolsVersion(): Promise<string> {
  const out = await tool('org.apache.kafka.tools.ConsumerPerformance', ['--version'], 30_000);
  return out.trim().split('\n')[0] ?? 'unknown';
}

/** Reads `messages` records of `topic` from the beginning with the Java consumer. */
export async function consumerPerformance(o: {
  topic: string;
  messages: number;
  group: string;
}): Promise<ConsumerCeiling> {
  const out = await tool(
    'org.apache.kafka.tools.ConsumerPerformance',
    [
      '--bootstrap-server',
      BROKER,
      '--topic',
      o.topic,
      '--messages',
      String(o.messages),
      '--group',
      o.group,
      '--timeout',
      '30000',
    ],
    180_000,
  );
  const lines = out.trim().split('\n');
  const header = lines.findIndex((l) => l.startsWith('start.time'));
  if (header < 0 || !lines[header + 1]) throw new Error(`unexpected ConsumerPerformance output:\n${out}`);
  const names = lines[header].split(',').map((s) => s.trim());
  const values = lines[header + 1].split(',').map((s) => s.trim());
  const field = (name: string): number => Number(values[names.indexOf(name)]);
  return {
    messages: field('data.consumed.in.nMsg'),
    megabytes: field('data.consumed.in.MB'),
    messagesPerSecond: Math.round(field('nMsg.sec')),
    fetchMessagesPerSecond: Math.round(field('fetch.nMsg.sec')),
    fetchMegabytesPerSecond: field('fetch.MB.sec'),
    rebalanceMs: field('rebalance.time.ms'),
  };
}

/** Writes `records` records of `recordSize` bytes as fast as the broker takes them (acks=all). */
export async function producerPerformance(o: {
  topic: string;
  records: number;
  recordSize: number;
}): Promise<ProducerCeiling> {
  const out = await tool(
    'org.apache.kafka.tools.ProducerPerformance',
    [
      '--topic',
      o.topic,
      '--num-records',
      String(o.records),
      '--record-size',
      String(o.recordSize),
      '--throughput',
      '-1',
      '--producer-props',
      `bootstrap.servers=${BROKER}`,
      'acks=all',
    ],
    300_000,
  );
  const last =
    out
      .trim()
      .split('\n')
      .filter((l) => l.includes('records sent'))
      .pop() ?? '';
  const m = /([\d.]+) records\/sec \(([\d.]+) MB\/sec\).*?(\d+) ms 50th, \d+ ms 95th, (\d+) ms 99th/.exec(last);
  if (!m) throw new Error(`unexpected ProducerPerformance output:\n${out}`);
  return {
    records: o.records,
    recordsPerSecond: Math.round(Number(m[1])),
    megabytesPerSecond: Number(m[2]),
    p50Ms: Number(m[3]),
    p99Ms: Number(m[4]),
  };
}

/**
 * The ceiling: ConsumerPerformance three times on the topic, the fastest run kept. A
 * 100k-record topic is read in a few hundred ms, so a single run swings with JIT and with
 * whatever else the two cores are doing at that moment; the best of three is the broker's
 * capacity. Groups are `<group>-1..3`.
 */
export async function kafkaCeiling(o: { topic: string; messages: number; group: string }): Promise<ConsumerCeiling> {
  let best: ConsumerCeiling | null = null;
  for (const k of [1, 2, 3]) {
    const run = await consumerPerformance({ ...o, group: `${o.group}-${k}` });
    if (!best || run.fetchMessagesPerSecond > best.fetchMessagesPerSecond) best = run;
  }
  return best as ConsumerCeiling;
}
