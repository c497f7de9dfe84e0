import type { IncomingMessage } from 'node:http';
import { AdmissionControl, type Admission } from '../../../src/app/http/admission';
import { addressKey } from '../../../src/app/http/client-key';

const limits = { maxInFlight: 3, clientMaxInFlight: 2, rateLimitPerMinute: 0 };

function admitted(admission: Admission): Extract<Admission, { admitted: true }> {
  if (!admission.admitted) throw new Error(`refused: ${admission.reason}`);
  return admission;
}

function refused(admission: Admission) {
  if (admission.admitted) throw new Error('admitted');
  const http = admission.error.extensions.http as { status: number; headers?: Map<string, string> };
  return { reason: admission.reason, code: admission.error.extensions.code, status: http.status, retryAfter: http.headers?.get('retry-after'), message: admission.error.message };
}

describe('admission control', () => {
  test('a client over its in-flight cap gets 429 TOO_MANY_REQUESTS with Retry-After, others still get in', async () => {
    const control = new AdmissionControl(limits);
    admitted(await control.admit('a'));
    admitted(await control.admit('a'));
    expect(refused(await control.admit('a'))).toMatchObject({ reason: 'client_in_flight', code: 'TOO_MANY_REQUESTS', status: 429, retryAfter: '1' });
    admitted(await control.admit('b'));
    expect(control.inFlight).toBe(3);
  });

  test('beyond the global cap every client gets 503 SERVICE_UNAVAILABLE with Retry-After', async () => {
    const control = new AdmissionControl(limits);
    for (const key of ['a', 'b', 'c']) admitted(await control.admit(key));
    expect(refused(await control.admit('d'))).toMatchObject({ reason: 'in_flight', code: 'SERVICE_UNAVAILABLE', status: 503, retryAfter: '5' });
  });

  test('a released request frees its place, and releasing twice frees it only once', async () => {
    const control = new AdmissionControl(limits);
    const first = admitted(await control.admit('a'));
    admitted(await control.admit('a'));
    first.release();
    first.release();
    expect(control.inFlight).toBe(1);
    admitted(await control.admit('a'));
    expect(refused(await control.admit('a')).reason).toBe('client_in_flight');
  });

  test('a client over its rate gets 429 with the seconds until its next request, counted per client', async () => {
    const control = new AdmissionControl({ ...limits, rateLimitPerMinute: 2 });
    admitted(await control.admit('a')).release();
    admitted(await control.admit('a')).release();
    const third = refused(await control.admit('a'));
    expect(third).toMatchObject({ reason: 'rate', code: 'TOO_MANY_REQUESTS', status: 429 });
    expect(Number(third.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(third.retryAfter)).toBeLessThanOrEqual(60);
    expect(third.message).toContain('2 requests');
    admitted(await control.admit('b'));
  });

  test('a rate of 0 means no rate limit', async () => {
    const control = new AdmissionControl({ ...limits, rateLimitPerMinute: 0 });
    for (let i = 0; i < 1000; i++) admitted(await control.admit('a')).release();
  });
});

describe('cost admission', () => {
  const costLimits = { ...limits, maxInFlight: 10, clientMaxInFlight: 10, maxQueryCost: 1000, clientCostPerSecond: 100, heavyQueryCost: 500, maxHeavyInFlight: 1 };
  const clock = () => {
    let now = 1_000_000;
    return { now: () => now, advance: (ms: number) => (now += ms) };
  };
  const costRefusal = (gate: ReturnType<typeof admitted>['admitCost'], cost: number) => {
    const refusal = gate(cost);
    if (!refusal) throw new Error('admitted');
    return refusal;
  };

  test('a client that spent its cost allowance gets 429 with the seconds until it has enough, while other clients run', async () => {
    const time = clock();
    const control = new AdmissionControl(costLimits, time.now);
    expect(admitted(await control.admit('a')).admitCost(400)).toBeUndefined();
    expect(admitted(await control.admit('a')).admitCost(400)).toBeUndefined();
    const refusal = costRefusal(admitted(await control.admit('a')).admitCost, 400);
    expect(refusal.reason).toBe('cost_rate');
    expect(refusal.error.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', http: { status: 429 } });
    // 200 left, 400 asked, 100 a second: 2 s.
    expect((refusal.error.extensions.http as { headers: Map<string, string> }).headers.get('retry-after')).toBe('2');
    expect(admitted(await control.admit('b')).admitCost(400)).toBeUndefined();
    time.advance(2000);
    expect(admitted(await control.admit('a')).admitCost(400)).toBeUndefined();
  });

  test('a refused request spends nothing of its client allowance', async () => {
    const time = clock();
    const control = new AdmissionControl(costLimits, time.now);
    expect(admitted(await control.admit('a')).admitCost(900)).toBeUndefined();
    for (let i = 0; i < 5; i++) expect(costRefusal(admitted(await control.admit('a')).admitCost, 300).reason).toBe('cost_rate');
    time.advance(2000);
    expect(admitted(await control.admit('a')).admitCost(300)).toBeUndefined();
  });

  test('only maxHeavyInFlight heavy requests run at once; others get 503 until one ends, and cheap ones still run', async () => {
    const control = new AdmissionControl({ ...costLimits, clientCostPerSecond: 0 });
    const first = admitted(await control.admit('a'));
    expect(first.admitCost(600)).toBeUndefined();
    expect(control.heavyInFlight).toBe(1);
    const refusal = costRefusal(admitted(await control.admit('b')).admitCost, 500);
    expect(refusal.reason).toBe('heavy_in_flight');
    expect(refusal.error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', http: { status: 503 } });
    expect(admitted(await control.admit('c')).admitCost(499)).toBeUndefined();
    first.release();
    first.release();
    expect(control.heavyInFlight).toBe(0);
    expect(admitted(await control.admit('b')).admitCost(500)).toBeUndefined();
  });

  test('a client whose documents are refused for their size twice in a row is refused at the edge until its allowance refills; others are not', async () => {
    const time = clock();
    const control = new AdmissionControl(costLimits, time.now);
    admitted(await control.admit('a')).penalize();
    // The first refusal only empties a full allowance: the client may still send (and fix its query).
    admitted(await control.admit('a')).penalize();
    const edge = refused(await control.admit('a'));
    expect(edge).toMatchObject({ reason: 'cost_rate', code: 'TOO_MANY_REQUESTS', status: 429, retryAfter: '10' });
    expect(edge.message).toContain('refused for their size');
    admitted(await control.admit('b')).release();
    time.advance(9_000);
    expect(refused(await control.admit('a')).retryAfter).toBe('1');
    time.advance(1_000);
    const after = admitted(await control.admit('a'));
    expect(after.admitCost(1)).toMatchObject({ reason: 'cost_rate' });
  });

  test('without a cost allowance a refused document costs nothing', async () => {
    const control = new AdmissionControl(limits);
    for (let i = 0; i < 10; i++) {
      const request = admitted(await control.admit('a'));
      request.penalize();
      request.release();
    }
  });

  test('without cost limits every cost within the budget is admitted', async () => {
    const control = new AdmissionControl(limits);
    for (let i = 0; i < 100; i++) {
      const request = admitted(await control.admit('a'));
      expect(request.admitCost(1_000_000)).toBeUndefined();
      request.release();
    }
  });
});

describe('the client key', () => {
  const request = (remoteAddress: string, forwarded?: string | string[]) =>
    ({ socket: { remoteAddress }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage;

  test('is the peer address, IPv4-mapped addresses under their IPv4 form, and ignores X-Forwarded-For by default', () => {
    const key = addressKey(false);
    expect(key(request('::ffff:10.0.0.7', '1.2.3.4'))).toBe('10.0.0.7');
    expect(key(request('2001:db8::1'))).toBe('2001:db8::1');
  });

  test('behind a trusted proxy is the entry the proxy appended, whatever the client put before it', () => {
    const key = addressKey(true);
    expect(key(request('10.0.0.1', '203.0.113.9'))).toBe('203.0.113.9');
    expect(key(request('10.0.0.1', 'spoofed-1, 203.0.113.9'))).toBe('203.0.113.9');
    expect(key(request('10.0.0.1', ['spoofed', '203.0.113.9']))).toBe('203.0.113.9');
    expect(key(request('10.0.0.1'))).toBe('10.0.0.1');
  });
});
