/** The path finder's question to the hub (the `paths` query) and the shape of its answer. */

import type { NetworkGraph } from './queries';

const NETWORK_FIELDS = `truncated
      nodes { id kind label name type location distance }
      edges { source target type weight count firstDate lastDate evidence countsByKind { kind count } }`;

/** Every shortest route (up to 10) between two organisations under the view's filter, with its drawing. */
export const PATHS = `query ExplorePaths($from: ID!, $to: ID!, $filter: LinkFilter, $maxHops: Int!) {
  paths(from: $from, to: $to, all: true, limit: 10, filter: $filter, maxHops: $maxHops) {
    found reason distance length
    paths {
      length
      organizations { id name nameEn }
      steps {
        from { id } to { id } kind tieKind fromRole toRole instrumentId
        agreement { title titleEn kind signedOn validFrom }
        activity { title titleEn kind startDate }
      }
    }
    graph {
      ${NETWORK_FIELDS}
    }
  }
  ends: nodes(ids: [$from, $to]) { id ... on Organization { name nameEn orgKind: kind } }
}`;

/** The two ends of the path finder, named even when no route joins them. */
export interface PathEnd {
  id: string;
  name?: string;
  nameEn?: string | null;
  orgKind?: string;
}

export interface PathStepData {
  from: { id: string };
  to: { id: string };
  kind: 'AGREEMENT' | 'ACTIVITY' | string;
  tieKind: string;
  fromRole: string;
  toRole: string;
  instrumentId: string;
  agreement: { title: string; titleEn: string | null; kind: string; signedOn: string | null; validFrom: string | null } | null;
  activity: { title: string; titleEn: string | null; kind: string; startDate: string | null } | null;
}

export interface CooperationPathData {
  length: number;
  organizations: Array<{ id: string; name: string; nameEn: string | null }>;
  steps: PathStepData[];
}

export interface PathResultData {
  found: boolean;
  reason: 'NOT_CONNECTED' | 'TOO_MANY_HOPS' | 'FILTERED_OUT' | null;
  distance: number | null;
  length: number | null;
  paths: CooperationPathData[];
  graph: NetworkGraph;
}
