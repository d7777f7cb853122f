/** Redis server memory and client count from INFO, sampled (INFO is cheap but not free). */

/** The one command used (ioredis' Redis has it). */
export interface RedisInfoSource {
  info(section: string): Promise<string>;
}

export interface RedisInfo {
  readonly usedMemory: number;
  readonly usedMemoryRss: number;
  /** 0 = no limit configured. */
  readonly maxMemory: number;
  readonly connectedClients: number;
}

export class RedisInfoSampler {
  private latest: RedisInfo | null = null;

  constructor(private readonly redis: RedisInfoSource) {}

  get info(): RedisInfo | null {
    return this.latest;
  }

  async sample(): Promise<void> {
    try {
      const [memory, clients] = await Promise.all([this.redis.info('memory'), this.redis.info('clients')]);
      this.latest = parseRedisInfo(`${memory}\n${clients}`);
    } catch (error) {
      this.latest = null;
      throw error;
    }
  }
}

/** `field:value` lines of INFO; a missing field reads 0. */
export function parseRedisInfo(text: string): RedisInfo {
  const fields = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0 && !line.startsWith('#')) fields.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  const num = (name: string): number => {
    const value = fields.get(name);
    return value !== undefined && Number.isFinite(value) ? value : 0;
  };
  return {
    usedMemory: num('used_memory'),
    usedMemoryRss: num('used_memory_rss'),
    maxMemory: num('maxmemory'),
    connectedClients: num('connected_clients'),
  };
}
