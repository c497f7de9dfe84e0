import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ExportFormat } from './export.format';
import { ExportMode } from './export.table';

registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description: 'File formats for a network. Every format says whether a cap cut the network (`truncated`) and its mode.',
  valuesConfig: {
    JSON: { description: 'Node-link JSON ({directed, multigraph, graph: {truncated, mode}, nodes, edges}) that networkx reads' },
    CSV_NODES: { description: 'CSV node list with a header row; its last column, `truncated`, says on every row whether a cap cut the network' },
    CSV_EDGES: {
      description: 'CSV edge list with a header row; lists (evidence ids, roles) joined with ";", counts by tie kind as KIND:n;KIND:n; last column `truncated` as in CSV_NODES',
    },
    GRAPHML: { description: 'GraphML with typed attribute keys and the graph attributes `truncated` and `mode`, for Gephi, Cytoscape, yEd and networkx' },
    GEXF: { description: 'GEXF 1.2 for Gephi: typed attributes, edge weight as GEXF weight; `mode` and `truncated` in <meta> keywords' },
  },
});

registerEnumType(ExportMode, {
  name: 'ExportMode',
  description: 'Which network a file holds',
  valuesConfig: {
    ONE_MODE: {
      description:
        'Organisations and their ties, as the answer gives them: per edge the fractional weight, the number of shared instruments, counts by tie kind, the strongest kind, first and last dates as written, and the evidence ids',
    },
    TWO_MODE: {
      description:
        'Organisations (bipartite 0) and the agreements and activities behind the answer’s edges (bipartite 1, with kind, status, start and end dates as written and place), one edge per organisation and instrument with its roles (`via`: the sub-unit that holds them when sub-units are rolled up)',
    },
  },
});

@ObjectType({ description: 'A network rendered as a file.' })
export class NetworkExport {
  @Field(() => ExportFormat, { description: 'The file format, as asked for' })
  format!: ExportFormat;

  @Field(() => ExportMode, { description: 'One-mode (organisations) or two-mode (organisations and instruments)' })
  mode!: ExportMode;

  @Field(() => Boolean, { description: 'True when the network or the export was cut at a cap: the file holds its strongest part' })
  truncated!: boolean;

  @Field(() => String, { description: 'MIME type with charset, e.g. text/csv; charset=utf-8' })
  contentType!: string;

  @Field(() => String, { description: 'Suggested file name' })
  filename!: string;

  @Field(() => String, { description: 'The file itself (UTF-8 text)' })
  content!: string;
}
