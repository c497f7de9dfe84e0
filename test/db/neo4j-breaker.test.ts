import { CircuitBreaker } from '../../src/db/circuit-breaker';

/** A breaker on a clock the test moves by hand, recording what it reports. */
function fakeBreaker(intervalMs = 1000) {
  let now = 1_000_000;
  const events: string[] = [];
  const breaker = new CircuitBreaker(
    { onOpen: (cause) => events.push(`open: ${cause}`), onClose: (ms) => events.push(`closed after ${ms} ms`) },
    () => now,
    intervalMs,
  );
  return { breaker, events, advance: (ms: number) => (now += ms) };
}

describe('circuit breaker', () => {
  test('starts closed and lets statements through', () => {
    const { breaker, events } = fakeBreaker();
    expect(breaker.isOpen).toBe(false);
    expect(breaker.probeDue()).toBe(false);
    expect(events).toEqual([]);
  });

  test('tells those waiting when it opens, once per subscription, and not after they unsubscribed', () => {
    const { breaker } = fakeBreaker();
    const told: string[] = [];
    breaker.whenOpen(() => told.push('waiting'));
    const unsubscribe = breaker.whenOpen(() => told.push('gone'));
    unsubscribe();
    breaker.recordFailure('no answer');
    expect(told).toEqual(['waiting']);
    breaker.recordSuccess();
    breaker.recordFailure('no answer again');
    expect(told).toEqual(['waiting']);
  });

  test('a connection failure opens it, and an episode is reported once however many failures follow', () => {
    const { breaker, events, advance } = fakeBreaker();
    breaker.recordFailure('connection refused');
    advance(300);
    breaker.recordFailure('connection refused again');
    breaker.recordFailure('and again');
    expect(breaker.isOpen).toBe(true);
    expect(breaker.cause).toBe('connection refused');
    expect(breaker.openForMs).toBe(300);
    expect(events).toEqual(['open: connection refused']);
  });

  test('probes are due once per interval while open, never two at a time', () => {
    const { breaker, advance } = fakeBreaker(1000);
    breaker.recordFailure('down');
    expect(breaker.probeDue()).toBe(false);
    advance(999);
    expect(breaker.probeDue()).toBe(false);
    advance(1);
    expect(breaker.probeDue()).toBe(true);
    advance(5000);
    expect(breaker.probeDue()).toBe(false);
    breaker.probeEnded(false, 'still down');
    expect(breaker.cause).toBe('still down');
    expect(breaker.probeDue()).toBe(true);
  });

  test('a successful probe closes it and reports how long the outage lasted', () => {
    const { breaker, events, advance } = fakeBreaker();
    breaker.recordFailure('down');
    advance(4200);
    expect(breaker.probeDue()).toBe(true);
    breaker.probeEnded(true);
    expect(breaker.isOpen).toBe(false);
    expect(breaker.cause).toBe('');
    expect(events).toEqual(['open: down', 'closed after 4200 ms']);
    expect(breaker.probeDue()).toBe(false);
  });

  test('a success while closed reports nothing, and a new failure starts a new episode', () => {
    const { breaker, events, advance } = fakeBreaker();
    breaker.recordSuccess();
    breaker.recordFailure('first');
    advance(100);
    breaker.recordSuccess();
    advance(100);
    breaker.recordFailure('second');
    expect(events).toEqual(['open: first', 'closed after 100 ms', 'open: second']);
  });
});
