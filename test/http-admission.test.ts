import { AdmissionControl, type Admission } from '../src/http/admission';

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
