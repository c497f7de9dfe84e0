import { str } from '../db/values';
import type { Row } from '../db/database';
import { toOrganization } from '../organization/organization.mapper';
import type { Organization } from '../organization/organization.type';
import type { TieKind } from '../rules/tie';
import { toTieInstrument, type TieInstrument } from './tie-summary';

// Rows of the network statements (network.repository.ts) to the shapes the network service works with.

/** One role pair behind a partner's tie: the actor's organisation and role, the partner's organisation and role. */
export interface LinkRoles {
  actor: string;
  actorRole: string;
  partner: string;
  partnerRole: string;
}

/** An instrument behind a partner's tie, with its role pairs when read with evidence. */
export interface PartnerInstrument extends TieInstrument {
  roles: LinkRoles[];
}

export interface DirectPartner {
  id: string;
  node: Organization;
  count: number;
  weight: number;
  instruments: PartnerInstrument[];
}

export interface DirectPartners {
  /** Partners found, up to the cap. */
  found: number;
  /** How many of the organisation ids asked for exist. */
  known: number;
  /** Those of the requested kinds. */
  total: number;
  /** Every partner found, when asked for. */
  ids: string[];
  page: DirectPartner[];
}

/** The one row of DIRECT_PARTNERS(_WITH_EVIDENCE). */
export function toDirectPartners(row: Row): DirectPartners {
  const byPartner = new Map<string, PartnerInstrument[]>();
  for (const t of row.tieRows as Row[]) {
    const list = byPartner.get(String(t.partner)) ?? [];
    list.push({
      ...toTieInstrument(t),
      roles: ((t.roles ?? []) as Row[]).map((r) => ({ actor: String(r.actor), actorRole: String(r.actorRole), partner: String(r.partner), partnerRole: String(r.partnerRole) })),
    });
    byPartner.set(String(t.partner), list);
  }
  return {
    found: Number(row.found),
    known: Number(row.known),
    total: Number(row.total),
    ids: (row.ids as unknown[]).map(String),
    page: (row.page as Row[]).map((p) => ({
      id: String(p.id),
      node: toOrganization(p.node),
      count: Number(p.count),
      weight: Number(p.weight),
      instruments: byPartner.get(String(p.id)) ?? [],
    })),
  };
}

/** An organisation of the next ring, one neighbour on the way to it, and the tie kind of that step. */
export interface LevelEntry {
  id: string;
  via: string;
  kind: string;
}

export function toLevelEntry(r: Row): LevelEntry {
  return { id: String(r.id), via: String(r.via), kind: String(r.kind) };
}

export interface LevelPage {
  found: number;
  total: number;
  page: LevelEntry[];
}

/** The one row of LAST_LEVEL_PAGE. */
export function toLevelPage(row: Row): LevelPage {
  return { found: Number(row.found), total: Number(row.total), page: (row.page as Row[]).map(toLevelEntry) };
}

export interface RawEdge {
  source: string;
  target: string;
  weight: number;
  /** By id. */
  instruments: TieInstrument[];
}

export function toRawEdge(r: Row): RawEdge {
  return {
    source: String(r.source),
    target: String(r.target),
    weight: Number(r.weight),
    instruments: (r.ties as Row[]).map(toTieInstrument).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

export interface NetworkOrg {
  id: string;
  kind: string;
  name: string;
  nameEn: string | null;
  location: string | null;
}

export function toNetworkOrg(r: Row): NetworkOrg {
  return { id: String(r.id), kind: String(r.kind), name: String(r.name), nameEn: str(r.nameEn), location: str(r.location) };
}

/** The one row of FAMILIES (absent when no organisation matched). */
export function toFamilies(row: Row | undefined): { tops: string[]; members: string[] } {
  return { tops: ((row?.tops ?? []) as unknown[]).map(String), members: ((row?.members ?? []) as unknown[]).map(String) };
}

export interface RawStep {
  from: string;
  to: string;
  fromRole: string;
  toRole: string;
  /** The instrument the step goes through. */
  id: string;
  type: 'AGREEMENT' | 'ACTIVITY';
  /** The kind of tie of the step's role pair in its instrument. */
  tieKind: TieKind;
}

export interface RawPath {
  steps: RawStep[];
  organizations: Organization[];
}

export interface RawPaths {
  /** Whether `from` and `to` are organisations. */
  fromFound: boolean;
  toFound: boolean;
  paths: RawPath[];
}

/** The rows of SHORTEST_PATH / ALL_SHORTEST_PATHS. */
export function toRawPaths(rows: Row[]): RawPaths {
  return {
    fromFound: rows.some((r) => r.fromFound === true),
    toFound: rows.some((r) => r.toFound === true),
    paths: rows
      .filter((r) => r.steps !== null)
      .map((r) => ({
        steps: (r.steps as Row[]).map((s) => ({
          from: String(s.from),
          to: String(s.to),
          fromRole: String(s.fromRole),
          toRole: String(s.toRole),
          id: String(s.id),
          type: s.type as RawStep['type'],
          tieKind: s.tieKind as TieKind,
        })),
        organizations: (r.orgs as unknown[]).map(toOrganization),
      })),
  };
}
