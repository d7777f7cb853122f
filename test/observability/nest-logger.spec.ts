import type { Logger } from '../../src/infra/logging/logger.js';
import { NestJsonLogger } from '../../src/observability/logging/nest-logger.js';

function recorder(): { log: Logger; calls: Array<[string, Record<string, unknown>, string]> } {
  const calls: Array<[string, Record<string, unknown>, string]> = [];
  const at = (level: string) => (context: Record<string, unknown>, message: string) =>
    void calls.push([level, context, message]);
  const log: Logger = { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug'), child: () => log };
  return { log, calls };
}

describe("Nest's logger through ours", () => {
  it('maps levels and keeps the Nest context; lifecycle chatter goes to debug', () => {
    const { log, calls } = recorder();
    const nest = new NestJsonLogger(log);
    nest.log('Mapped {/metrics, GET} route', 'RouterExplorer');
    nest.warn('slow', 'Scheduler');
    nest.verbose('details');
    nest.error('boom', 'Error: boom\n    at x', 'ExceptionsHandler');
    nest.error('short', 'Kafka');
    const failure = new Error('bad');
    nest.error(failure);
    nest.fatal('gone');
    expect(calls).toEqual([
      ['debug', { context: 'RouterExplorer' }, 'Mapped {/metrics, GET} route'],
      ['warn', { context: 'Scheduler' }, 'slow'],
      ['debug', {}, 'details'],
      ['error', { context: 'ExceptionsHandler', stack: 'Error: boom\n    at x' }, 'boom'],
      ['error', { context: 'Kafka' }, 'short'],
      ['error', { err: failure }, 'bad'],
      ['error', { fatal: true }, 'gone'],
    ]);
  });
});
