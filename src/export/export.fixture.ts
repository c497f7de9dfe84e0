import type { NetworkGraph } from '../network/network.type';
import type { ExportEdge } from './export.table';

/**
 * A small cooperation network for tests of the exports, independent of the network queries: real seed ids
 * and Vietnamese names, plus one made-up node whose text holds every character CSV and XML must escape. The
 * first edge carries typed ties (counts by kind, dates as written); the second is as an untyped answer gives it.
 */
export function exportFixture(): NetworkGraph & { edges: ExportEdge[] } {
  return {
    truncated: false,
    nodes: [
      {
        id: 'org-dost-binh-thuan',
        type: 'Organization',
        kind: 'GOVERNMENT',
        label: 'Binh Thuan Department of Science and Technology',
        name: 'Sở Khoa học và Công nghệ tỉnh Bình Thuận',
        location: 'prov-binh-thuan',
        distance: 0,
      },
      {
        id: 'org-vnu-hcm-inst-nano',
        type: 'Organization',
        kind: 'RESEARCH_INSTITUTE',
        label: 'Institute for Nanotechnology',
        name: 'Viện Công nghệ Nano',
        location: 'prov-ho-chi-minh',
        distance: 1,
      },
      {
        id: 'org-fixture-quotes',
        type: 'Organization',
        kind: 'COMPANY',
        label: 'Công ty "Sao Việt", chi nhánh <Hà Nội> & Co.',
        name: 'Công ty TNHH "Sao Việt";\nchi nhánh Đà Nẵng, \'Hội An\' & <Huế>',
        location: null,
        distance: null,
      },
    ],
    edges: [
      {
        source: 'org-dost-binh-thuan',
        target: 'org-vnu-hcm-inst-nano',
        type: 'COOPERATES_WITH',
        weight: 1.25,
        evidence: ['act-iwna-8', 'agr-binh-thuan-vnu-hcm'],
        count: 2,
        countsByKind: [
          { kind: 'COUNTERPARTIES', count: 1 },
          { kind: 'ORGANISER_PARTICIPANT', count: 1 },
        ],
        firstDate: '2021',
        lastDate: '2024-03',
      },
      {
        source: 'org-vnu-hcm-inst-nano',
        target: 'org-fixture-quotes',
        type: 'COOPERATES_WITH',
        weight: 1.5,
        evidence: ['act-fixture'],
      },
    ],
  };
}
