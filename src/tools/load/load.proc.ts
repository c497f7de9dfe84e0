import fs from 'node:fs';
import net from 'node:net';

/** A field of /proc/<pid>/status in MiB (VmRSS: resident now; VmHWM: the peak the kernel recorded), if readable. */
export function statusMib(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The pids of `parent`'s children whose command is `comm` (e.g. the embedded Neo4j's java), from /proc. */
export function childrenNamed(parent: number, comm: string): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // comm is in parentheses and may hold spaces; the fields after it are space-separated (state, ppid, ...).
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      if (ppid === parent && name === comm) out.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** Samples a process's resident memory every `everyMs` until stopped; returns the largest sample (MiB). */
export function sampleRss(pid: number, everyMs = 200): { stop(): number } {
  let peak = statusMib(pid, 'VmRSS') ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, statusMib(pid, 'VmRSS') ?? 0);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/** Whether a process exists (a signal 0 reaches it). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The TCP ports `pid` listens on (from /proc/net/tcp, tcp6 and its socket descriptors); empty if unreadable. */
export function listeningPorts(pid: number): number[] {
  try {
    const inodes = new Set<string>();
    for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (match) inodes.add(match[1]);
      } catch {
        // The descriptor was closed while we looked.
      }
    }
    const ports: number[] = [];
    // A JVM listens on an IPv6 socket even for 127.0.0.1 (an IPv4-mapped address): read both tables.
    const tables = ['/proc/net/tcp', '/proc/net/tcp6'].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f, 'utf8'));
    for (const line of tables.flatMap((t) => t.split('\n').slice(1))) {
      const f = line.trim().split(/\s+/);
      // f[1] local address (hex ip:port), f[3] state (0A: listening), f[9] inode.
      if (f.length > 9 && f[3] === '0A' && inodes.has(f[9])) ports.push(parseInt(f[1].split(':')[1], 16));
    }
    return ports;
  } catch {
    return [];
  }
}

/** Whether something accepts a TCP connection on 127.0.0.1:`port` within `timeoutMs`. */
export function accepts(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
