import fs from 'node:fs';
import { once } from 'node:events';

const FLUSH_AT = 1 << 16;

/**
 * Appends JSON Lines to a file through a write stream, in chunks of about 64 KiB, waiting for 'drain'
 * whenever the stream's buffer is full, so memory stays bounded however many records are written.
 */
export class JsonlWriter {
  private readonly stream: fs.WriteStream;
  private pending = '';
  private failure: Error | undefined;
  records = 0;
  bytes = 0;

  constructor(readonly file: string) {
    this.stream = fs.createWriteStream(file, { flags: 'w', encoding: 'utf8' });
    this.stream.on('error', (error) => (this.failure = error));
  }

  /** Queues one record; resolves once the stream can take more. */
  async write(record: object): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    this.pending += line;
    this.records++;
    this.bytes += Buffer.byteLength(line);
    if (this.pending.length >= FLUSH_AT) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const chunk = this.pending;
    this.pending = '';
    if (chunk && !this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Writes what is left and closes the file. */
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    if (this.failure) throw this.failure;
  }
}
