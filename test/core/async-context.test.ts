import { ContextKey } from '../../src/core/async-context';

describe('ContextKey', () => {
  it('is unset outside any run', () => {
    expect(new ContextKey<string>('k').get()).toBeUndefined();
  });

  it('follows promises and timers started inside its run', async () => {
    const key = new ContextKey<string>('k');
    const seen = await key.run('a', async () => {
      await Promise.resolve();
      const later = await new Promise<string | undefined>((resolve) => setTimeout(() => resolve(key.get()), 1));
      return [key.get(), later];
    });
    expect(seen).toEqual(['a', 'a']);
  });

  it('keeps keys apart: setting one leaves the others as they were', async () => {
    const scope = new ContextKey<string>('scope');
    const flag = new ContextKey<boolean>('flag');
    await scope.run('request-1', () =>
      flag.run(true, async () => {
        await Promise.resolve();
        expect(scope.get()).toBe('request-1');
        expect(flag.get()).toBe(true);
      }),
    );
    expect(scope.get()).toBeUndefined();
    expect(flag.get()).toBeUndefined();
  });

  it('gives the innermost value of a key, and the outer one again after the inner run', async () => {
    const key = new ContextKey<number>('k');
    const other = new ContextKey<string>('other');
    const values = await key.run(1, async () => {
      const inner = await other.run('x', () => key.run(2, async () => key.get()));
      return [inner, key.get()];
    });
    expect(values).toEqual([2, 1]);
  });

  it('keeps concurrent flows apart', async () => {
    const key = new ContextKey<number>('k');
    const flow = (n: number) => key.run(n, async () => {
      await new Promise((r) => setTimeout(r, 5 - n));
      return key.get();
    });
    expect(await Promise.all([flow(1), flow(2), flow(3)])).toEqual([1, 2, 3]);
  });
});
