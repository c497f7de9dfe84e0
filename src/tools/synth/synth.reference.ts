import fs from 'node:fs';
import path from 'node:path';
import { parseSeedLine } from '../seed/seed.read';
import type { NodeRecord } from '../../record/record.format';

export interface RefProvince {
  id: string;
  name: string;
  nameEn: string;
  /** Its SOCIO_ECONOMIC_6 planning region. */
  region: string;
  isCity: boolean;
}

export interface RefNamed {
  id: string;
  name: string;
  nameEn: string;
}

/** The curated records the synthetic network points at instead of regenerating them. */
export interface SynthReference {
  provinces: RefProvince[];
  countries: RefNamed[];
  topics: RefNamed[];
}

function readRecords(file: string): NodeRecord[] {
  const out: NodeRecord[] = [];
  fs.readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('//')) return;
      const parsed = parseSeedLine(line, file, i + 1);
      if (parsed.problems.length) throw new Error(`${file}:${i + 1}: ${parsed.problems[0].message}`);
      if (parsed.node) out.push(parsed.node);
    });
  return out;
}

/**
 * Reads provinces (the 63 units in place from 2011 to 2024: `prov-*` without `-2025` and without a
 * validFrom), foreign countries (`country-*` except Việt Nam) and topics from a curated seed folder.
 * @throws Error when a file is missing or malformed, or a province has no planning region.
 */
export function readSynthReference(seedDir: string): SynthReference {
  const geo = (name: string) => readRecords(path.join(seedDir, 'geography', name));
  const planning = new Set(
    geo('regions.jsonl').flatMap((r) => (r.type === 'region' && r.scheme === 'SOCIO_ECONOMIC_6' ? [r.id] : [])),
  );
  const provinces: RefProvince[] = [];
  for (const r of geo('provinces.jsonl')) {
    if (r.type !== 'adminUnit' || !r.id.startsWith('prov-') || r.id.endsWith('-2025') || r.validFrom) continue;
    const region = r.regions?.find((id) => planning.has(id));
    if (!region) throw new Error(`${r.id} has no SOCIO_ECONOMIC_6 region`);
    provinces.push({ id: r.id, name: r.name ?? r.id, nameEn: r.nameEn ?? r.name ?? r.id, region, isCity: r.level === 'CITY' });
  }
  const countries = geo('countries.jsonl').flatMap((r) =>
    r.type === 'adminUnit' && r.id.startsWith('country-') && r.id !== 'country-vn'
      ? [{ id: r.id, name: r.name ?? r.id, nameEn: r.nameEn ?? r.name ?? r.id }]
      : [],
  );
  const topics = readRecords(path.join(seedDir, 'topics.jsonl')).flatMap((r) =>
    r.type === 'topic' ? [{ id: r.id, name: r.name ?? r.id, nameEn: r.nameEn ?? r.name ?? r.id }] : [],
  );
  if (!provinces.length || !countries.length || !topics.length) {
    throw new Error(`${seedDir} lacks provinces, foreign countries or topics`);
  }
  // In id order, so that the network a seed gives does not depend on how the seed files are laid out.
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { provinces: provinces.sort(byId), countries: countries.sort(byId), topics: topics.sort(byId) };
}
