/**
 * Flags (one byte, 0 = none) per catalog index for the few hundred indices one request
 * touches: an open-addressing hash table sized for its capacity, so candidate generation
 * does not allocate and zero a catalog-sized array per request (1 MB for a 1M-track catalog).
 */
export class IndexFlags {
  private readonly keys: Int32Array;
  private readonly flags: Uint8Array;
  private readonly slots: number;
  /** 32 − log2(slots): the hash takes the product's top bits, which depend on every bit of i. */
  private readonly shift: number;
  private size = 0;

  /** `capacity`: the most distinct indices that will be set. */
  constructor(private readonly capacity: number) {
    let slots = 16;
    while (slots < 2 * capacity) slots *= 2; // load factor ≤ 1/2 keeps probes short
    this.slots = slots;
    this.shift = 32 - Math.log2(slots);
    this.keys = new Int32Array(slots).fill(-1);
    this.flags = new Uint8Array(slots);
  }

  get(i: number): number {
    const h = this.find(i);
    return this.keys[h] === i ? this.flags[h] : 0;
  }

  set(i: number, value: number): void {
    const h = this.find(i);
    if (this.keys[h] !== i) {
      if (this.size >= this.capacity) throw new RangeError(`IndexFlags: more than ${this.capacity} indices`);
      this.keys[h] = i;
      this.size++;
    }
    this.flags[h] = value;
  }

  /** The slot holding i, or the empty slot where it would go (linear probing). */
  private find(i: number): number {
    const mask = this.slots - 1;
    let h = Math.imul(i, 0x9e3779b1) >>> this.shift; // Fibonacci hashing
    while (this.keys[h] !== -1 && this.keys[h] !== i) h = (h + 1) & mask;
    return h;
  }
}
