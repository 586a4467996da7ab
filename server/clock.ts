/**
 * Time is injected so that tests can expire sessions and idempotency keys without sleeping.
 * All stored timestamps derive from `clock.now()` (milliseconds); the wire shows Unix seconds.
 */
export interface Clock {
  now(): number;
}

export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

export const systemClock: Clock = { now: () => Date.now() };

export function createManualClock(startMs: number = Date.UTC(2030, 0, 1)): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('A manual clock only moves forward.');
      current += ms;
    },
    set(ms: number) {
      if (!Number.isFinite(ms)) throw new RangeError('Clock time must be a finite number of milliseconds.');
      current = ms;
    },
  };
}

export function toUnixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
