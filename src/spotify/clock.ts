/** Monotonic time and sleeping, injected so waits are testable and never fire early. */
export interface Clock {
  /** Monotonic milliseconds (performance.now in production). */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  async sleep(ms: number): Promise<void> {
    // Timers may fire a millisecond early against performance.now(); a Retry-After of 1 s
    // must mean at least 1 s, so sleep again for any remainder.
    const until = performance.now() + ms;
    for (let left = ms; left > 0; left = until - performance.now()) {
      await new Promise((resolve) => setTimeout(resolve, Math.ceil(left)));
    }
  },
};
