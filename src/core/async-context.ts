import { AsyncLocalStorage } from 'node:async_hooks';

/** One value a context key holds, in front of the values of the frames it was opened inside. */
interface Frame {
  readonly key: symbol;
  readonly value: unknown;
  readonly outer: Frame | undefined;
}

// One AsyncLocalStorage for the whole process. On Node 20 every live AsyncLocalStorage copies its value onto
// every promise the process creates; the request path creates hundreds per request (driver, Apollo), so the
// request scope, the database gate and the graph-stamp capture share this one storage rather than one each.
const storage = new AsyncLocalStorage<Frame>();

/**
 * A value that follows the asynchronous flow it is set in: `run(value, work)` makes `get()` return `value`
 * in `work` and in everything it starts, synchronously or through promises and timers, until a nested
 * `run` of the same key sets another. Keys are independent: setting one leaves the others as they were.
 */
export class ContextKey<T> {
  private readonly id: symbol;

  constructor(name: string) {
    this.id = Symbol(name);
  }

  /** Runs `work` with this key set to `value`; returns what `work` returns. */
  run<R>(value: T, work: () => R): R {
    return storage.run({ key: this.id, value, outer: storage.getStore() }, work);
  }

  /** The value set by the innermost `run` of this key around the caller, or undefined outside any. */
  get(): T | undefined {
    for (let frame = storage.getStore(); frame; frame = frame.outer) {
      if (frame.key === this.id) return frame.value as T;
    }
    return undefined;
  }
}
