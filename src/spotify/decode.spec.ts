import { array, bool, decode, DecodeError, nullable, num, object, str, withDefault } from './decode.js';

describe('decoders', () => {
  const shape = object({
    id: str,
    n: num,
    flags: withDefault(array(bool), []),
    parent: nullable(object({ id: str })),
  });

  it('keeps only the declared fields', () => {
    expect(decode(shape, { id: 'a', n: 1, parent: { id: 'p', extra: 1 }, extra: true })).toEqual({
      id: 'a',
      n: 1,
      flags: [],
      parent: { id: 'p' },
    });
  });

  it.each([
    [null, '(root): expected an object'],
    [[], '(root): expected an object'],
    [{ id: 1, n: 1 }, 'id: expected a string'],
    [{ id: 'a', n: Number.NaN }, 'n: expected a finite number'],
    [{ id: 'a', n: 1, flags: [true, 'no'] }, 'flags[1]: expected a boolean'],
    [{ id: 'a', n: 1, parent: { id: null } }, 'parent.id: expected a string'],
  ])('%j fails with %p', (value, message) => {
    const error = (() => {
      try {
        decode(shape, value);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as DecodeError).message).toBe(message);
  });
});
