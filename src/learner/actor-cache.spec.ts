import { initialUserState } from '../domain/user-state.js';
import { ActorCache } from './actor-cache.js';

describe('ActorCache', () => {
  it('evicts the least recently used user first', () => {
    const cache = new ActorCache(2);
    cache.set('a', initialUserState('a'));
    cache.set('b', initialUserState('b'));
    expect(cache.get('a')?.userId).toBe('a'); // a is now the most recent
    cache.set('c', initialUserState('c'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.userId).toBe('a');
    expect(cache.get('c')?.userId).toBe('c');
    expect(cache.size).toBe(2);
  });

  it('evicts and clears on demand', () => {
    const cache = new ActorCache(10);
    for (const u of ['a', 'b', 'c']) cache.set(u, initialUserState(u));
    cache.evict(['a', 'c', 'zz']);
    expect([cache.get('a'), cache.get('b')?.userId, cache.get('c')]).toEqual([undefined, 'b', undefined]);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('refuses a capacity below one', () => {
    expect(() => new ActorCache(0)).toThrow(RangeError);
  });
});
