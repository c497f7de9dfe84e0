import type { Row } from '../db/database';
import { NODE_KINDS, type NodeKind } from './node.kinds';
import { tagNode } from './node.type';

/** A row of the nodes-by-id statement (`key`, `kind`, `n`) as its id and GraphQL object, tagged for the Node interface. */
export function toNode(row: Row): { id: string; node: object } {
  const spec = NODE_KINDS[String(row.kind) as NodeKind];
  const node = spec.map(row.n);
  return { id: String(row.key), node: tagNode(spec.typeName(node), node) };
}
