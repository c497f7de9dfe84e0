import http from 'node:http';

// Both GraphQL targets are reached through this one keep-alive client. node:http costs the client about a third
// of a millisecond less per request than fetch, time that would otherwise be counted against the servers.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** A request that takes longer than this counts as failed, so that one pathological answer cannot stall a run. */
export const REQUEST_TIMEOUT_MS = 60_000;

/**
 * POSTs `body` as JSON to `url` over a reused connection and resolves to the status and the parsed answer.
 * Rejects when the request fails, the answer is not JSON, or `timeoutMs` passes first.
 */
export function postJson(url: string, body: unknown, timeoutMs: number): Promise<{ status: number; payload: unknown }> {
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': data.length },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: response.statusCode ?? 0, payload: JSON.parse(text) });
          } catch {
            reject(new Error(`${url} answered ${response.statusCode} with a body that is not JSON: ${text.slice(0, 200)}`));
          }
        });
      },
    );
    request.on('error', reject);
    request.end(data);
  });
}
