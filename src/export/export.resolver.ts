import type { GraphQLResolveInfo } from 'graphql';
import { Arg, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { NetworkGraph } from '../network/network.type';
import { ExportFormat } from './export.format';
import { renderExport } from './export.render';
import { NetworkExport } from './export.type';

/** The name of the field that produced the network (its alias when it has one), for the file name. */
function producingField(info: GraphQLResolveInfo): string {
  for (let p = info.path.prev; p; p = p.prev) if (typeof p.key === 'string') return p.key;
  return 'network';
}

@Resolver(() => NetworkGraph)
export class NetworkExportResolver {
  @FieldResolver(() => NetworkExport, { description: 'This network as a file, rendered from the answer itself (no database access)' })
  export(@Root() graph: NetworkGraph, @Arg('format', () => ExportFormat) format: ExportFormat, @Info() info: GraphQLResolveInfo): Promise<NetworkExport> {
    // Rendered in slices that let other requests run, and stopped at the request's deadline.
    return renderExport(graph, format, producingField(info));
  }
}
