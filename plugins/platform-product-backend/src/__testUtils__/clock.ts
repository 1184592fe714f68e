/** Moves the clock to `now` (and on from there); timers stay real for the backend. */
export function fixClock(now: Date) {
  jest.useFakeTimers({
    now,
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

/** The clock at `now` for each test of the enclosing describe. */
export function useFixedClock(now: Date) {
  beforeEach(() => fixClock(now));
  afterEach(() => {
    jest.useRealTimers();
  });
}
