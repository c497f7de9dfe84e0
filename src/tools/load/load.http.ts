import http from 'node:http';

/** How one request ended, as the load tool counts it. */
export interface Outcome {
  /** Milliseconds from sending to the end of the answer (or the failure). */
  ms: number;
  /** HTTP status; 0 when no answer came (timeout, connection refused or reset). */
  status: number;
  /** The first error code of a GraphQL answer, 'OK' without errors, or why there was no answer. */
  code: string;
  bytes: number;
  /** The parsed body, only when asked for (attack answers can be hundreds of MB and are only counted). */
  body?: unknown;
}

/** A client with its own connections and its own address as the hub sees it (X-Forwarded-For, for TRUST_PROXY). */
export class LoadClient {
  private readonly agent: http.Agent;

  constructor(
    private readonly url: string,
    readonly address: string,
    sockets: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  /** POSTs a GraphQL request; never rejects. Bodies over `keepBytes` are counted, not kept. */
  post(body: unknown, timeoutMs: number, keepBytes = 1_000_000): Promise<Outcome> {
    const data = Buffer.from(JSON.stringify(body));
    const started = performance.now();
    return new Promise((resolve) => {
      let settled = false;
      const done = (o: Omit<Outcome, 'ms'>) => {
        if (settled) return;
        settled = true;
        resolve({ ...o, ms: performance.now() - started });
      };
      const req = http.request(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': data.length, 'x-forwarded-for': this.address },
          signal: AbortSignal.timeout(timeoutMs),
        },
        (res) => {
          const chunks: Buffer[] = [];
          let bytes = 0;
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            if (bytes <= keepBytes) chunks.push(chunk);
          });
          res.on('error', (e) => done({ status: res.statusCode ?? 0, code: errorName(e), bytes }));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (bytes > keepBytes) return done({ status, code: status === 200 ? 'OK (large)' : `HTTP ${status}`, bytes });
            try {
              const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { errors?: Array<{ extensions?: { code?: string } }> };
              const code = parsed.errors?.length ? String(parsed.errors[0].extensions?.code ?? 'UNKNOWN') : 'OK';
              done({ status, code, bytes, body: parsed });
            } catch {
              done({ status, code: `HTTP ${status} (not JSON)`, bytes });
            }
          });
        },
      );
      req.on('error', (e) => done({ status: 0, code: errorName(e), bytes: 0 }));
      req.end(data);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

function errorName(error: Error & { code?: string }): string {
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'CLIENT_TIMEOUT';
  return error.code ?? error.name;
}
