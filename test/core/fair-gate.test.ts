import { FairGate } from '../../src/core/fair-gate';

/** Work that ends when `finish` is called, recording when it started. */
function pending(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: async () => { log.push(name); await done; }, finish: () => finish() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the fair gate', () => {
  test('runs work at once while slots are free', async () => {
    const gate = new FairGate(2);
    const log: string[] = [];
    const a = pending(log, 'a');
    const b = pending(log, 'b');
    const runs = [gate.run('x', undefined, () => new Error('aborted'), a.work), gate.run('x', undefined, () => new Error('aborted'), b.work)];
    await tick();
    expect(log).toEqual(['a', 'b']);
    expect(gate.running).toBe(2);
    a.finish();
    b.finish();
    await Promise.all(runs);
    expect(gate.running).toBe(0);
  });

  test('a client with one request waits for one turn, not behind all of a busy client\'s queue', async () => {
    const gate = new FairGate(1);
    const log: string[] = [];
    const flood = Array.from({ length: 5 }, (_, i) => pending(log, `flood${i}`));
    const normal = pending(log, 'normal');
    const runs = flood.map((p) => gate.run('flood', undefined, () => new Error('aborted'), p.work));
    await tick();
    runs.push(gate.run('normal', undefined, () => new Error('aborted'), normal.work));
    expect(gate.waiting).toBe(5);
    flood[0].finish();
    await tick();
    expect(log).toEqual(['flood0', 'normal']);
    normal.finish();
    await tick();
    expect(log).toEqual(['flood0', 'normal', 'flood1']);
    for (const p of flood) p.finish();
    await Promise.all(runs);
    expect(log).toHaveLength(6);
  });

  test('an aborted wait ends with the abort error and its work never starts', async () => {
    const gate = new FairGate(1);
    const log: string[] = [];
    const first = pending(log, 'first');
    const running = gate.run('a', undefined, () => new Error('aborted'), first.work);
    const controller = new AbortController();
    const waiting = gate.run('b', controller.signal, () => new Error('deadline'), pending(log, 'never').work);
    controller.abort();
    await expect(waiting).rejects.toThrow('deadline');
    first.finish();
    await running;
    expect(log).toEqual(['first']);
    expect(gate.waiting).toBe(0);
    expect(gate.running).toBe(0);
  });

  test('a signal given as a function is made only when the work has to wait, and its abort ends the wait', async () => {
    const gate = new FairGate(1);
    const log: string[] = [];
    let made = 0;
    const controller = new AbortController();
    const signal = () => (made++, controller.signal);
    const first = pending(log, 'first');
    const running = gate.run('a', signal, () => new Error('aborted'), first.work);
    expect(made).toBe(0);
    const waiting = gate.run('b', signal, () => new Error('deadline'), pending(log, 'never').work);
    expect(made).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toThrow('deadline');
    first.finish();
    await running;
    expect(log).toEqual(['first']);
  });
});

describe('the fair gate with several slots', () => {
  test('a freed slot goes to a waiting client holding none before a client already holding one', async () => {
    const gate = new FairGate(2);
    const log: string[] = [];
    const flood = Array.from({ length: 4 }, (_, i) => pending(log, `flood${i}`));
    const heavy = pending(log, 'heavy');
    const runs = [gate.run('heavy', undefined, () => new Error('aborted'), heavy.work), ...flood.map((p) => gate.run('flood', undefined, () => new Error('aborted'), p.work))];
    await tick();
    const normal = pending(log, 'normal');
    runs.push(gate.run('normal', undefined, () => new Error('aborted'), normal.work));
    expect(log).toEqual(['heavy', 'flood0']);
    // The heavy client frees its slot: the normal client, holding none, goes before the flood's second request.
    heavy.finish();
    await tick();
    expect(log).toEqual(['heavy', 'flood0', 'normal']);
    normal.finish();
    for (const p of flood) p.finish();
    await Promise.all(runs);
    expect(log).toHaveLength(6);
  });
});

describe('the fair gate with a lane alone', () => {
  const noAbort = () => new Error('aborted');

  test('a client alone uses up to the alone limit, since nobody else competes for the database', async () => {
    const gate = new FairGate(2, 4);
    const log: string[] = [];
    const work = Array.from({ length: 6 }, (_, i) => pending(log, `w${i}`));
    const runs = work.map((p) => gate.run('solo', undefined, noAbort, p.work));
    await tick();
    expect(gate.running).toBe(4);
    expect(gate.waiting).toBe(2);
    work[0].finish();
    await tick();
    // Still alone: the freed slot goes to its own next request.
    expect(gate.running).toBe(4);
    for (const p of work) p.finish();
    await Promise.all(runs);
    expect(log).toHaveLength(6);
  });

  test('once another client waits, it gets the freed slots and the gate drains back to its slots', async () => {
    const gate = new FairGate(2, 4);
    const log: string[] = [];
    const solo = Array.from({ length: 8 }, (_, i) => pending(log, `s${i}`));
    const runs = solo.map((p) => gate.run('solo', undefined, noAbort, p.work));
    await tick();
    expect(gate.running).toBe(4);
    const other = Array.from({ length: 4 }, (_, i) => pending(log, `o${i}`));
    runs.push(...other.map((p) => gate.run('other', undefined, noAbort, p.work)));
    await tick();
    // A newcomer gets no burst of its own: it waits for a freed slot.
    expect(log).toEqual(['s0', 's1', 's2', 's3']);
    // The two slots above the limit are each handed over once, to the client holding fewer...
    solo[0].finish();
    await tick();
    solo[1].finish();
    await tick();
    expect(log).toEqual(['s0', 's1', 's2', 's3', 'o0', 'o1']);
    expect(gate.running).toBe(4);
    // ...then freed slots are not refilled until the gate is back to its 2 slots.
    solo[2].finish();
    await tick();
    solo[3].finish();
    await tick();
    expect(gate.running).toBe(2);
    expect(log).toHaveLength(6);
    // Below the limit, turns go by the fewest held again: the solo client, now holding none.
    other[0].finish();
    await tick();
    expect(log).toEqual(['s0', 's1', 's2', 's3', 'o0', 'o1', 's4']);
    expect(gate.running).toBe(2);
    for (const p of [...solo, ...other]) p.finish();
    await Promise.all(runs);
    expect(log).toHaveLength(12);
  });

  test('refuses an alone limit below the slots', () => {
    expect(() => new FairGate(4, 2)).toThrow(RangeError);
  });
});
