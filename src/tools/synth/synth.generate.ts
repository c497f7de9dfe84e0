import fs from 'node:fs';
import path from 'node:path';
import { CumulativeTable, Prng } from './prng';
import { eventTitle, orgName } from './synth.names';
import type { RefNamed, SynthReference } from './synth.reference';
import { JsonlWriter } from './synth.writer';

export const SYNTH_SOURCE_ID = 'ext-synthetic';

/** Output files, loaded in this (path) order. */
export const SYNTH_FILES = {
  source: '0-source.jsonl',
  organization: '1-organizations.jsonl',
  agreement: '2-agreements.jsonl',
  activity: '3-activities.jsonl',
  party: '4-parties.jsonl',
  participation: '5-participations.jsonl',
} as const;

const KINDS = ['GOVERNMENT', 'UNIVERSITY', 'RESEARCH_INSTITUTE', 'COMPANY', 'HOSPITAL', 'NETWORK', 'FOREIGN_BODY'] as const;
const KIND_SHARE = [0.14, 0.14, 0.13, 0.4, 0.07, 0.1, 0.02];
// Government bodies and universities convene more; a kind's multiplier scales its members' Zipf weights.
const KIND_HUBNESS = [3, 2, 1.5, 0.6, 0.8, 1.5, 1];
const FOREIGN = KINDS.indexOf('FOREIGN_BODY');
const ZIPF_EXPONENT = 0.95;
// The two big cities get 15 times a province's share of organisations, other centrally run cities 4 times.
const BIG_CITIES = new Set(['prov-ha-noi', 'prov-ho-chi-minh']);
const cityWeight = (id: string, isCity: boolean) => (BIG_CITIES.has(id) ? 15 : isCity ? 4 : 1);

/** Participants per agreement or activity: 2..6, mean 3.2. */
const SIZE_WEIGHTS = [0.4, 0.24, 0.16, 0.11, 0.09];
const AGREEMENT_SHARE = 0.3;
/** Chance that an agreement or activity draws a partner from outside the lead's planning region. */
const CROSS_REGION_CHANCE = 0.33;
const FIRST_YEAR = 2011;
const YEARS = 15;

const AGREEMENT_KINDS = ['AGREEMENT', 'PROGRAMME', 'MEMORANDUM', 'PLAN', 'PROPOSAL'];
const AGREEMENT_KIND_WEIGHTS = [0.35, 0.2, 0.25, 0.15, 0.05];
const PARTY_ROLES: Record<string, [string, string[]]> = {
  AGREEMENT: ['SIGNATORY', ['SIGNATORY', 'SIGNATORY', 'PARTNER', 'WITNESS']],
  MEMORANDUM: ['SIGNATORY', ['SIGNATORY', 'SIGNATORY', 'PARTNER', 'WITNESS']],
  PROGRAMME: ['COORDINATOR', ['PARTNER', 'IMPLEMENTER', 'IMPLEMENTER', 'BENEFICIARY']],
  PLAN: ['LEAD', ['PARTNER', 'IMPLEMENTER', 'COORDINATOR']],
  PROPOSAL: ['PROPOSER', ['PARTNER', 'BENEFICIARY']],
};
const ACTIVITY_KINDS = [
  'CONFERENCE', 'WORKSHOP', 'SEMINAR', 'COMPETITION', 'TRAINING', 'TECHMART', 'EXHIBITION', 'FESTIVAL',
  'RESEARCH_TASK', 'VISIT', 'MEETING', 'FUND_LAUNCH', 'CONSULTING', 'COLLABORATION',
];
/** Whether an activity of `kind` is dated by its year only (its end day is drawn all the same). */
const yearOnly = (kind: string) => kind === 'RESEARCH_TASK' || kind === 'COLLABORATION';
const ACTIVITY_KIND_WEIGHTS = [0.12, 0.16, 0.08, 0.05, 0.1, 0.04, 0.04, 0.03, 0.12, 0.08, 0.1, 0.01, 0.03, 0.04];
const PARTICIPATION_ROLES = ['CO_ORGANISER', 'PARTICIPANT', 'PARTICIPANT', 'PARTICIPANT', 'SPONSOR', 'PARTNER', 'HOST', 'JUDGE'];

export interface SynthParams {
  orgs: number;
  links: number;
  seed: number;
  outDir: string;
}

export interface SynthSummary {
  outDir: string;
  files: string[];
  organizations: number;
  agreements: number;
  activities: number;
  parties: number;
  participations: number;
  /** Agreements and activities whose participants sit in more than one planning region (abroad counts as one). */
  crossRegion: number;
  records: number;
  bytes: number;
  seconds: number;
}

export interface SynthProgress {
  records: number;
  seconds: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Generates the synthetic network for `params` into `params.outDir` (created if needed; our files there
 * are overwritten), streaming every record to disk. Memory grows with the number of organisations only.
 * The same params and reference give byte-identical files. `onProgress` is called about twice a second.
 */
export async function generateSynth(
  params: SynthParams,
  ref: SynthReference,
  onProgress?: (p: SynthProgress) => void,
): Promise<SynthSummary> {
  const started = Date.now();
  const prng = new Prng(params.seed);
  const provenance = [{ source: SYNTH_SOURCE_ID, note: `generated with seed ${params.seed}` }];
  fs.mkdirSync(params.outDir, { recursive: true });
  const out = {
    source: new JsonlWriter(path.join(params.outDir, SYNTH_FILES.source)),
    organization: new JsonlWriter(path.join(params.outDir, SYNTH_FILES.organization)),
    agreement: new JsonlWriter(path.join(params.outDir, SYNTH_FILES.agreement)),
    activity: new JsonlWriter(path.join(params.outDir, SYNTH_FILES.activity)),
    party: new JsonlWriter(path.join(params.outDir, SYNTH_FILES.party)),
    participation: new JsonlWriter(path.join(params.outDir, SYNTH_FILES.participation)),
  };
  const writers = Object.values(out);
  const written = () => writers.reduce((n, w) => n + w.records, 0);
  let lastReport = Date.now();
  const tick = () => {
    const now = Date.now();
    if (onProgress && now - lastReport >= 500) {
      lastReport = now;
      onProgress({ records: written(), seconds: (now - started) / 1000 });
    }
  };

  try {
    await out.source.write({
      type: 'source',
      id: SYNTH_SOURCE_ID,
      kind: 'EXTERNAL',
      title: 'Mạng lưới hợp tác tổng hợp (dữ liệu giả lập)',
      titleEn: 'Synthetic cooperation network generated by coop-hub (npm run synth)',
      language: 'vi',
      provenance,
    });

    // Organisations: kind, place and planning-region group (regions, then one group for abroad).
    const n = params.orgs;
    const regions = [...new Set(ref.provinces.map((p) => p.region))];
    const abroad = regions.length;
    const provinceWeights = ref.provinces.map((p) => cityWeight(p.id, p.isCity));
    const kind = new Uint8Array(n);
    const group = new Uint8Array(n);
    const place = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      // The first organisations take each kind once, so every kind appears.
      kind[i] = i < KINDS.length ? i : prng.weighted(KIND_SHARE);
      let where: RefNamed;
      if (kind[i] === FOREIGN) {
        place[i] = prng.int(ref.countries.length);
        group[i] = abroad;
        where = ref.countries[place[i]];
      } else {
        place[i] = prng.weighted(provinceWeights);
        group[i] = regions.indexOf(ref.provinces[place[i]].region);
        where = ref.provinces[place[i]];
      }
      const { name, nameEn, category } = orgName(prng, KINDS[kind[i]], i + 1, where);
      await out.organization.write({
        type: 'organization',
        id: `org-syn-${i + 1}`,
        kind: KINDS[kind[i]],
        ...(category ? { category } : {}),
        name,
        nameEn,
        location: where.id,
        provenance,
      });
      if ((i & 1023) === 0) tick();
    }
    const locationOf = (org: number): RefNamed => (kind[org] === FOREIGN ? ref.countries[place[org]] : ref.provinces[place[org]]);

    // Zipf weights over a random ranking: a few hubs, many small actors.
    const rank = new Int32Array(n);
    for (let i = 0; i < n; i++) rank[i] = i + 1;
    for (let i = n - 1; i > 0; i--) {
      const j = prng.int(i + 1);
      [rank[i], rank[j]] = [rank[j], rank[i]];
    }
    const weight = (org: number) => KIND_HUBNESS[kind[org]] / Math.pow(rank[org], ZIPF_EXPONENT);
    const members = (keep: (org: number) => boolean) => {
      let count = 0;
      for (let i = 0; i < n; i++) if (keep(i)) count++;
      const list = new Int32Array(count);
      for (let i = 0, k = 0; i < n; i++) if (keep(i)) list[k++] = i;
      return new CumulativeTable(list, weight);
    };
    const everyone = members(() => true);
    const domestic = members((o) => group[o] !== abroad);
    const byRegion = regions.map((_, r) => members((o) => group[o] === r));

    const chosen: number[] = [];
    const drawDistinct = (table: CumulativeTable, accept: (org: number) => boolean): number => {
      for (let tries = 0; tries < 64 && table.size > 0; tries++) {
        const org = table.draw(prng);
        if (!chosen.includes(org) && accept(org)) return org;
      }
      // A small pool is exhausted: take the next unused organisation anywhere.
      for (let org = prng.int(n); ; org = (org + 1) % n) if (!chosen.includes(org)) return org;
    };

    let remaining = params.links;
    let agreements = 0;
    let activities = 0;
    let crossRegion = 0;
    while (remaining > 0) {
      let size = Math.min(2 + prng.weighted(SIZE_WEIGHTS), remaining);
      if (remaining - size === 1) size = size < 6 ? size + 1 : size - 1; // never leave a single link over
      remaining -= size;

      chosen.length = 0;
      const lead = domestic.draw(prng);
      chosen.push(lead);
      const cross = prng.next() < CROSS_REGION_CHANCE;
      const home = byRegion[group[lead]];
      while (chosen.length < size) {
        if (!cross) chosen.push(drawDistinct(home, () => true));
        else if (chosen.length === 1) chosen.push(drawDistinct(everyone, (o) => group[o] !== group[lead]));
        else chosen.push(drawDistinct(everyone, () => true));
      }
      if (chosen.some((o) => group[o] !== group[lead])) crossRegion++;

      const year = FIRST_YEAR + prng.int(YEARS);
      const month = prng.between(1, 12);
      const day = prng.between(1, 25);
      const date = `${year}-${pad(month)}-${pad(day)}`;
      const topicCount = prng.between(1, 3);
      const topics: string[] = [];
      while (topics.length < topicCount) {
        const t = prng.pick(ref.topics).id;
        if (!topics.includes(t)) topics.push(t);
      }
      const where = locationOf(lead);
      const topic = ref.topics.find((t) => t.id === topics[0])!;

      if (prng.next() < AGREEMENT_SHARE) {
        const id = `agr-syn-${++agreements}`;
        const agreementKind = AGREEMENT_KINDS[prng.weighted(AGREEMENT_KIND_WEIGHTS)];
        const proposed = agreementKind === 'PROPOSAL';
        const validTo = `${year + prng.between(3, 5)}-${pad(month)}-${pad(day)}`;
        await out.agreement.write({
          type: 'agreement',
          id,
          kind: agreementKind,
          ...eventTitle(agreementKind, topic, where, year),
          ...(proposed ? {} : { signedOn: date, signedAt: where.id, validFrom: date, validTo }),
          status: proposed ? 'PROPOSED' : validTo < '2025-07-01' ? 'ENDED' : 'IN_FORCE',
          topics,
          provenance,
        });
        const [leadRole, roles] = PARTY_ROLES[agreementKind];
        for (let k = 0; k < chosen.length; k++) {
          await out.party.write({
            type: 'party',
            organization: `org-syn-${chosen[k] + 1}`,
            agreement: id,
            role: k === 0 ? leadRole : prng.pick(roles),
            provenance,
          });
        }
      } else {
        const id = `act-syn-${++activities}`;
        const activityKind = ACTIVITY_KINDS[prng.weighted(ACTIVITY_KIND_WEIGHTS)];
        const figures = prng.next() < 0.4 ? [{ name: 'participants', value: prng.between(20, 500), unit: 'people' }] : undefined;
        const endDay = day + prng.int(4);
        await out.activity.write({
          type: 'activity',
          id,
          kind: activityKind,
          ...eventTitle(activityKind, topic, where, year),
          // The documents date research tasks and ongoing collaborations by year only ("năm 2018"); so does the
          // generator, which keeps the draw of an end day so that the rest of the network stays the same.
          ...(yearOnly(activityKind) ? { startDate: String(year) } : { startDate: date, endDate: `${year}-${pad(month)}-${pad(endDay)}` }),
          place: where.id,
          status: date > '2025-06-30' ? 'PLANNED' : 'HELD',
          topics,
          ...(figures ? { figures } : {}),
          provenance,
        });
        for (let k = 0; k < chosen.length; k++) {
          await out.participation.write({
            type: 'participation',
            organization: `org-syn-${chosen[k] + 1}`,
            activity: id,
            role: k === 0 ? 'ORGANISER' : prng.pick(PARTICIPATION_ROLES),
            provenance,
          });
        }
      }
      tick();
    }

    for (const w of writers) await w.close();
    return {
      outDir: params.outDir,
      files: writers.map((w) => w.file),
      organizations: out.organization.records,
      agreements,
      activities,
      parties: out.party.records,
      participations: out.participation.records,
      crossRegion,
      records: written(),
      bytes: writers.reduce((b, w) => b + w.bytes, 0),
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    await Promise.allSettled(writers.map((w) => w.close()));
    throw error;
  }
}
