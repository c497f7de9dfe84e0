import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { isoDate, isDateValue, isIntegerValue } from '../../db/values';
import type { Row } from '../../db/database';

/** Separates array elements and labels in a cell; seed text never holds this control character. */
export const ARRAY_DELIMITER = '\u001f';
/** The same delimiter, as Neo4j's importer takes it on its command line. */
export const ARRAY_DELIMITER_OPTION = 'U+001F';

interface CsvFile {
  path: string;
  stream: fs.WriteStream;
  pending: Array<Array<string | undefined>>;
}

/** A node whose empty list properties a CSV cell cannot hold (an empty cell means "no property"). */
export interface NodeFixup {
  label: string;
  id: string;
  props: Row;
}

export interface StoreCsvFiles {
  nodeFiles: string[];
  relationshipFiles: string[];
  nodes: number;
  relationships: number;
  /** Whether some value holds a line break (the importer then reads fields across lines). */
  multiline: boolean;
}

/** The importer's type of a property value and the value's cell text; undefined for an empty list. */
function cell(value: unknown, where: string): [type: string, text: string] | undefined {
  if (typeof value === 'string') return ['string', value];
  if (typeof value === 'number') return ['double', String(value)];
  if (typeof value === 'boolean') return ['boolean', String(value)];
  if (isIntegerValue(value)) return ['long', value.toString()];
  if (isDateValue(value)) return ['date', String(isoDate(value))];
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    const cells = value.map((v) => cell(v, where));
    const type = cells[0]![0];
    if (type.endsWith('[]') || cells.some((c) => c![0] !== type)) throw new Error(`${where}: a list must hold values of one plain type`);
    const texts = cells.map((c) => c![1]);
    if (texts.some((t) => t.includes(ARRAY_DELIMITER))) throw new Error(`${where}: a list element holds the control character U+001F`);
    return [`${type}[]`, texts.join(ARRAY_DELIMITER)];
  }
  throw new Error(`${where}: a value of type ${typeof value} has no CSV form`);
}

/**
 * Writes node and relationship rows as CSV files for Neo4j's offline importer: one file per label set
 * (or relationship type) and set of typed property columns, each with its header line. Rows are kept
 * per file and written by `flush`, so memory holds one batch.
 */
export class StoreCsvWriter {
  private readonly files = new Map<string, CsvFile>();
  private readonly nodeFiles: string[] = [];
  private readonly relationshipFiles: string[] = [];
  private nodes = 0;
  private relationships = 0;
  private multiline = false;
  /** Nodes whose empty list properties are set once the database runs. */
  readonly nodeFixups: NodeFixup[] = [];

  /** Files go to `dir`, their names starting with `prefix` (writers sharing a folder take distinct ones). */
  constructor(
    private readonly dir: string,
    private readonly prefix = '',
  ) {
    fs.mkdirSync(dir, { recursive: true });
  }

  /** Adds a node; `props` holds its `id`. */
  node(labels: readonly string[], props: Row): void {
    const id = String(props.id);
    const header = ['id:ID', ':LABEL'];
    const values: Array<string | undefined> = [id, labels.join(ARRAY_DELIMITER)];
    let empty: Row | undefined;
    for (const name in props) {
      if (name === 'id') continue;
      const c = cell(props[name], `${labels[0]} '${id}', property ${name}`);
      if (c === undefined) (empty ??= {})[name] = [];
      else this.column(header, values, name, c);
    }
    if (empty) this.nodeFixups.push({ label: labels[0], id, props: empty });
    this.add(`n|${labels.join(':')}|${header.join(',')}`, header, values, this.nodeFiles);
    this.nodes++;
  }

  /**
   * Adds a relationship; returns false, writing nothing, when it holds an empty list (to be written
   * once the database runs).
   */
  relationship(type: string, from: string, to: string, props: Row): boolean {
    const header = [':START_ID', ':END_ID', ':TYPE'];
    const values: Array<string | undefined> = [from, to, type];
    for (const name in props) {
      const c = cell(props[name], `${type} ${from} -> ${to}, property ${name}`);
      if (c === undefined) return false;
      this.column(header, values, name, c);
    }
    this.add(`r|${type}|${header.join(',')}`, header, values, this.relationshipFiles);
    this.relationships++;
    return true;
  }

  private column(header: string[], values: Array<string | undefined>, name: string, [type, text]: [string, string]): void {
    header.push(`${name}:${type}`);
    values.push(text);
    if (!this.multiline && (text.includes('\n') || text.includes('\r'))) this.multiline = true;
  }

  private add(signature: string, header: string[], values: Array<string | undefined>, list: string[]): void {
    let file = this.files.get(signature);
    if (!file) {
      const name = `${this.prefix}${list === this.nodeFiles ? 'nodes' : 'relationships'}-${list.length + 1}.csv`;
      file = { path: path.join(this.dir, name), stream: fs.createWriteStream(path.join(this.dir, name), { encoding: 'utf8' }), pending: [header] };
      this.files.set(signature, file);
      list.push(file.path);
    }
    file.pending.push(values);
  }

  /** Writes the rows added since the last flush. */
  async flush(): Promise<void> {
    for (const file of this.files.values()) {
      if (!file.pending.length) continue;
      // Every value is quoted, so an empty string stays a property while an absent one stays empty.
      const text = stringify(file.pending, { quoted_string: true });
      file.pending = [];
      if (!file.stream.write(text)) await new Promise<void>((resolve) => file.stream.once('drain', resolve));
    }
  }

  /** Flushes and closes every file. */
  async close(): Promise<StoreCsvFiles> {
    await this.flush();
    await Promise.all(
      [...this.files.values()].map(
        (file) => new Promise<void>((resolve, reject) => file.stream.end((error?: Error | null) => (error ? reject(error) : resolve()))),
      ),
    );
    return {
      nodeFiles: this.nodeFiles,
      relationshipFiles: this.relationshipFiles,
      nodes: this.nodes,
      relationships: this.relationships,
      multiline: this.multiline,
    };
  }
}
