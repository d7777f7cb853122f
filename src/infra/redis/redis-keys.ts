/** Every Redis key the product uses is built here, under one configurable prefix. */
export interface RedisKeys {
  userSnapshot(userId: string): string;
  recommendations(userId: string): string;
  rateLimit(userId: string): string;
  spotify(kind: string, id: string): string;
  counters(): string;
}

export function redisKeys(prefix: string): RedisKeys {
  return {
    userSnapshot: (userId) => `${prefix}snapshot:{${userId}}`,
    recommendations: (userId) => `${prefix}recs:{${userId}}`,
    rateLimit: (userId) => `${prefix}rate:{${userId}}`,
    spotify: (kind, id) => `${prefix}spotify:${kind}:${id}`,
    counters: () => `${prefix}counters`,
  };
}
