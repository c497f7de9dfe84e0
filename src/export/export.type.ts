import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ExportFormat } from './export.format';

registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description: 'File formats for a network',
  valuesConfig: {
    JSON: { description: 'Node-link JSON ({directed, multigraph, graph, nodes, edges}) that networkx reads' },
    CSV_NODES: { description: 'CSV node list with a header row' },
    CSV_EDGES: { description: 'CSV edge list with a header row; evidence ids joined with ";"' },
    GRAPHML: { description: 'GraphML with typed attribute keys, for Gephi, Cytoscape, yEd and networkx' },
  },
});

@ObjectType({ description: 'A network rendered as a file.' })
export class NetworkExport {
  @Field(() => ExportFormat)
  format!: ExportFormat;

  @Field(() => String, { description: 'MIME type with charset, e.g. text/csv; charset=utf-8' })
  contentType!: string;

  @Field(() => String, { description: 'Suggested file name' })
  filename!: string;

  @Field(() => String, { description: 'The file itself (UTF-8 text)' })
  content!: string;
}
