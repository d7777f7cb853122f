/**
 * Sliding-window rate limit as one atomic Redis script (Lua runs without interleaving,
 * so concurrent requests of one user cannot both take the last slot).
 *
 * KEYS[1]  sorted set of the user's admitted requests, score = admission time (epoch ms)
 * ARGV[1]  now (epoch ms)   ARGV[2] window (ms)   ARGV[3] limit   ARGV[4] unique member
 * Returns  {allowed (1|0), retry-after ms (0 when allowed), requests in the window}
 *
 * An entry admitted at t counts while now < t + window. Refused requests are not
 * recorded, so a client that keeps retrying is let in as soon as a slot frees up.
 * With n admitted entries and limit L, the (n − L)-th oldest (0-based) must expire before
 * a slot frees (n > L only after the limit was lowered). PEXPIRE drops an idle user's key.
 *
 * Kept in a .ts module rather than a .lua file so the compiled dist/ needs no asset copy.
 */
export const SLIDING_WINDOW_LUA = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
if count < limit then
  redis.call('ZADD', key, now, ARGV[4])
  redis.call('PEXPIRE', key, window)
  return {1, 0, count + 1}
end
local blocking = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
return {0, tonumber(blocking[2]) + window - now, count}
`;
