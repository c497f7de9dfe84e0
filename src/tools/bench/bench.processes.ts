import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/** A server process the benchmark started, with its peak and sampled resident memory. */
export interface BenchProcess {
  name: string;
  child: ChildProcess;
  /** The URL it printed when ready. */
  url: string;
  /** Resident memory now, in MiB (from /proc; undefined where there is none). */
  rssMib(): number | undefined;
  /** The peak resident memory the kernel recorded for it (VmHWM), in MiB. */
  peakRssMib(): number | undefined;
  /** CPU time (user and system) it has used so far, in microseconds (from /proc; undefined where there is none). */
  cpuMicros(): number | undefined;
  stop(): Promise<void>;
}

function procStatusMib(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number | undefined {
  if (!pid) return undefined;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

// Linux reports a process's CPU times in clock ticks of USER_HZ, which is 100 on every architecture it runs on.
const MICROS_PER_TICK = 1_000_000 / 100;

function procCpuMicros(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    // The command name (field 2) may hold spaces; the fields after it are counted from its closing parenthesis.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MICROS_PER_TICK;
  } catch {
    return undefined;
  }
}

/**
 * Starts `node script args` and resolves once a line of its stdout or stderr matches `ready` (group 1: the URL).
 * Its stdin stays a pipe, so a server that watches it stops when we exit.
 * Rejects with the process's last output when it exits first or `timeoutMs` passes.
 */
export function startNodeProcess(opts: {
  name: string;
  script: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  ready: RegExp;
  timeoutMs?: number;
  nodeArgs?: string[];
}): Promise<BenchProcess> {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), opts.script, ...(opts.args ?? [])], {
    env: opts.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const tail = new OutputTail();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${opts.name} did not start within ${(opts.timeoutMs ?? 120_000) / 1000} s:\n${tail.text()}`));
    }, opts.timeoutMs ?? 120_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${opts.name} exited with code ${code} before it was ready:\n${tail.text()}`));
    });
    let ready = false;
    let stopping = false;
    const onLine = (line: string) => {
      const match = opts.ready.exec(line);
      if (!match) return;
      ready = true;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      // A target that dies mid-run says so, with its last output: its requests would only show ECONNREFUSED.
      child.once('exit', (code, signal) => {
        if (!stopping) process.stderr.write(`${opts.name} exited mid-run (code ${code}, signal ${signal}); its last output:\n${tail.text()}\n`);
      });
      resolve({
        name: opts.name,
        child,
        url: match[1],
        rssMib: () => procStatusMib(child.pid, 'VmRSS'),
        peakRssMib: () => procStatusMib(child.pid, 'VmHWM'),
        cpuMicros: () => procCpuMicros(child.pid),
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(kill);
              done();
            });
            stopping = true;
            child.kill('SIGINT');
          }),
      });
    };
    // Lines are looked at only until the process is ready; after that its output (an access-log line per request)
    // is only kept as raw bytes, so that reading it costs the measuring process next to nothing.
    for (const stream of [child.stdout!, child.stderr!]) {
      let partial = '';
      stream.on('data', (chunk: Buffer) => {
        tail.push(chunk);
        if (ready) return;
        const lines = (partial + chunk.toString('utf8')).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) if (!ready) onLine(line);
      });
    }
  });
}

/** The last output of a process (both streams, as written), about 16 KB of it, to show when it fails. */
class OutputTail {
  private static readonly KEEP_BYTES = 16 * 1024;
  private chunks: Buffer[] = [];
  private bytes = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    while (this.chunks.length > 1 && this.bytes - this.chunks[0].length >= OutputTail.KEEP_BYTES) this.bytes -= this.chunks.shift()!.length;
  }

  /** The last 20 lines. */
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8').trimEnd().split('\n').slice(-20).join('\n');
  }
}
