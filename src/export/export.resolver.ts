import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver } from 'type-graphql';
import { Parent } from '../graphql/parent';
import type { Context } from '../graphql/context';
import { checkInt } from '../graphql/paging';
import type { Database } from '../db/database';
import { NetworkGraph } from '../network/network.type';
import { ExportFormat } from './export.format';
import { renderExport } from './export.render';
import { ExportMode, oneModeTable, strongestPart } from './export.table';
import { twoModeTable } from './export.two-mode';
import { NetworkExport } from './export.type';

/** Largest `maxEdges` an export accepts. */
export const MAX_EXPORT_EDGES = 1_000_000;

/** The name of the field that produced the network (its alias when it has one), for the file name. */
function producingField(info: GraphQLResolveInfo): string {
  for (let p = info.path.prev; p; p = p.prev) if (typeof p.key === 'string') return p.key;
  return 'network';
}

/**
 * A network answer as a file: cut to its strongest `maxEdges` edges when it has more, then written one-mode
 * (from the answer alone, no database access) or two-mode (two statements for the instruments and roles).
 */
export async function exportGraph(
  db: Database,
  graph: NetworkGraph,
  args: { format: ExportFormat; mode: ExportMode; maxEdges?: number | null },
  baseName: string,
): Promise<NetworkExport> {
  if (args.maxEdges != null) checkInt(args.maxEdges, 1, MAX_EXPORT_EDGES, 'maxEdges');
  const cut = args.maxEdges != null ? strongestPart(graph, args.maxEdges) : graph;
  const table = args.mode === ExportMode.TWO_MODE ? await twoModeTable(db, cut) : oneModeTable(cut);
  // Rendered in slices that let other requests run, and stopped at the request's deadline.
  const file = await renderExport(table, args.format, baseName, { scope: db.scope });
  return { ...file, mode: table.mode, truncated: table.truncated };
}

@Resolver(() => NetworkGraph)
export class NetworkExportResolver {
  @FieldResolver(() => NetworkExport, {
    description:
      'This network as a file. ONE_MODE is rendered from the answer itself (no database access); TWO_MODE reads the instruments behind its edges and the roles in them. The ties are those of the answer (its filter: by default cooperation only, realised instruments only).',
  })
  export(
    @Parent() graph: NetworkGraph,
    @Arg('format', () => ExportFormat, { description: 'The file format: JSON, CSV_NODES, CSV_EDGES, GRAPHML or GEXF' }) format: ExportFormat,
    @Arg('mode', () => ExportMode, { defaultValue: ExportMode.ONE_MODE, description: 'Organisations only (ONE_MODE, the default) or organisations and instruments (TWO_MODE)' })
    mode: ExportMode,
    @Arg('maxEdges', () => Int, {
      nullable: true,
      description: `Most organisation ties to write (1 to ${MAX_EXPORT_EDGES}; default all): over it the heaviest are kept (by weight, then number of instruments, then ids) with the organisations at their ends, and the file says it was cut (truncated)`,
    })
    maxEdges: number | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NetworkExport> {
    return exportGraph(ctx.db, graph, { format, mode, maxEdges }, producingField(info));
  }
}
