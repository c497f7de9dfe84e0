import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import type { Context } from '../graphql/context';
import { requireRole } from '../graphql/auth';
import { BadUserInputError } from '../core/errors';
import { SOURCE_KINDS } from '../db/vocabulary';
import { Change, ChangePage, ExpectedVersion, NodeVersion, SourceInput } from './curation.type';
import { toChange } from './curation.mapper';
import { MAX_TEXT, retractNode, writeRecords } from './curation.service';
import { revertChange } from './curation.revert';
import { mergeOrganizations } from './curation.merge';
import { retractTie } from './curation.tie';
import { changesSince, historyOf, MAX_CHANGES, MAX_SEQ, MAX_VERSION_IDS, versionsOf } from './curation.history';
import { checkInt } from '../core/bounds';

/** The idempotencyKey argument every mutation takes. */
const idempotencyKeyArg = () =>
  Arg('idempotencyKey', () => String, { nullable: true, description: 'A key of the client’s choosing: the same request sent again with it writes nothing twice' });

@Resolver(() => Change)
export class CurationResolver {
  @Mutation(() => Change, {
    description:
      'Registers a source document and keeps its text (NFC), so that records can quote it. Needs a curator token. One transaction; with an idempotency key, a retried request returns the first change.',
  })
  async registerSource(
    @Arg('source', () => SourceInput, { description: 'The document and its text' }) source: SourceInput,
    @Arg('message', { description: 'Why it is registered' }) message: string,
    @idempotencyKeyArg()
    idempotencyKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<Change> {
    const writer = requireRole(ctx, 'curator');
    if (!source.text.trim()) throw new BadUserInputError('A document needs its text', 'source.text');
    if (source.text.length > MAX_TEXT) throw new BadUserInputError(`A document text has at most ${MAX_TEXT} characters`, 'source.text');
    if (source.kind === 'EXTERNAL' || !(SOURCE_KINDS as readonly string[]).includes(source.kind)) {
      throw new BadUserInputError(`kind must be one of ${SOURCE_KINDS.filter((k) => k !== 'EXTERNAL').join(', ')}`, 'source.kind');
    }
    const { text, ...fields } = source;
    const record = Object.fromEntries(Object.entries({ type: 'source', ...fields }).filter(([, v]) => v !== undefined && v !== null));
    const row = await writeRecords(ctx.db, writer, { kind: 'SOURCE', records: [record], message, idempotencyKey: idempotencyKey ?? undefined, texts: new Map([[source.id, text]]) });
    return toChange(row);
  }

  @Mutation(() => Change, {
    description:
      'Writes records in the seed format (seeds/FORMAT.md: organization, agreement, activity, part, person, adminUnit, party, participation, position, signature, attendance, orgRelation...) under the importer’s rules, every quote checked against its document. A record for an existing node changes the fields it gives and needs the node’s current version. Needs a curator token; one transaction.',
  })
  async writeRecords(
    @Arg('records', () => [JSONObjectResolver], { description: 'The records, one JSON object each (at most 500)' }) records: Record<string, unknown>[],
    @Arg('message', { description: 'Why the change is made' }) message: string,
    @Arg('expectedVersions', () => [ExpectedVersion], { nullable: true, description: 'The version of each existing node the records change' })
    expectedVersions: ExpectedVersion[] | null,
    @idempotencyKeyArg()
    idempotencyKey: string | null,
    @Arg('confirmNew', () => [ID], {
      nullable: true,
      description: 'New organisations to create although an organisation whose name or alias reads the same (case, diacritics and name forms folded) exists; without this, such a record gets CONFLICT listing the look-alikes',
    })
    confirmNew: string[] | null,
    @Ctx() ctx: Context,
  ): Promise<Change> {
    const writer = requireRole(ctx, 'curator');
    const row = await writeRecords(ctx.db, writer, {
      records,
      message,
      expectedVersions: expectedVersions ?? undefined,
      idempotencyKey: idempotencyKey ?? undefined,
      confirmNew: confirmNew ?? undefined,
    });
    return toChange(row);
  }

  @Mutation(() => Change, {
    description: 'Retracts a node: it leaves every answer (with its ties, and the parts of an instrument) and stays in history. Needs an editor token.',
  })
  async retract(
    @Arg('id', () => ID, { description: 'The node to retract' }) id: string,
    @Arg('expectedVersion', () => Int, { description: `Its current version (0 to ${MAX_SEQ})` }) expectedVersion: number,
    @Arg('message', { description: 'Why it is retracted' }) message: string,
    @idempotencyKeyArg()
    idempotencyKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<Change> {
    const writer = requireRole(ctx, 'editor');
    checkInt(expectedVersion, 0, MAX_SEQ, 'expectedVersion');
    return toChange(await retractNode(ctx.db, writer, id, expectedVersion, message, idempotencyKey ?? undefined));
  }

  @Mutation(() => Change, {
    description:
      'Retracts a tie (a party, participation, attendance, position, signature or organisation relation) named by its key as history lists it: it leaves every answer and stays in history; revert brings it back. Needs an editor token.',
  })
  async retractTie(
    @Arg('tie', { description: 'The tie key, e.g. party:org-…:agr-…:SIGNATORY, participation:org-…:act-…:ROLE, position:per-…:org-…' }) tie: string,
    @Arg('expectedVersion', () => Int, { description: `The current version of the node that owns the tie: the instrument of a party, participation or attendance, the person of a position or signature, the first organisation of a relation (0 to ${MAX_SEQ})` })
    expectedVersion: number,
    @Arg('message', { description: 'Why it is retracted' }) message: string,
    @idempotencyKeyArg()
    idempotencyKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<Change> {
    const writer = requireRole(ctx, 'editor');
    checkInt(expectedVersion, 0, MAX_SEQ, 'expectedVersion');
    return toChange(await retractTie(ctx.db, writer, tie, expectedVersion, message, idempotencyKey ?? undefined));
  }

  @Mutation(() => Change, {
    description:
      'Merges a duplicate organisation into another: its ties and references move over (with their provenance), its names become aliases, it leaves the graph; the one kept keeps its location and parent. One MERGE change, which revert undoes. Needs an editor token.',
  })
  async mergeOrganizations(
    @Arg('from', () => ID, { description: 'The organisation that goes' }) from: string,
    @Arg('into', () => ID, { description: 'The organisation that stays' }) into: string,
    @Arg('fromVersion', () => Int, { description: `The version of from as last read (0 to ${MAX_SEQ})` }) fromVersion: number,
    @Arg('intoVersion', () => Int, { description: `The version of into as last read (0 to ${MAX_SEQ})` }) intoVersion: number,
    @Arg('message', { description: 'Why they are one' }) message: string,
    @idempotencyKeyArg()
    idempotencyKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<Change> {
    const writer = requireRole(ctx, 'editor');
    checkInt(fromVersion, 0, MAX_SEQ, 'fromVersion');
    checkInt(intoVersion, 0, MAX_SEQ, 'intoVersion');
    return toChange(await mergeOrganizations(ctx.db, writer, { from, into, fromVersion, intoVersion, message, idempotencyKey: idempotencyKey ?? undefined }));
  }

  @Mutation(() => Change, {
    description:
      'Reverts a change: the nodes it touched go back to what it found (nodes it created are deleted, a retracted node comes back with its ties), recorded as a REVERT change. Refused with CONFLICT when those nodes changed since (revert the later changes first). Needs an editor token.',
  })
  async revert(
    @Arg('change', () => ID, { description: 'The id of the change to revert (chg-…)' }) change: string,
    @Arg('message', { description: 'Why it is reverted' }) message: string,
    @idempotencyKeyArg()
    idempotencyKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<Change> {
    const writer = requireRole(ctx, 'editor');
    return toChange(await revertChange(ctx.db, writer, change, message, idempotencyKey ?? undefined));
  }

  @Query(() => [Change], { description: `The changes that touched a node or tie, newest first (at most ${MAX_CHANGES})` })
  async history(
    @Arg('id', () => ID, { description: 'A node id, or a tie key as changes list it (party:org-…:agr-…:SIGNATORY)' }) id: string,
    @Arg('first', () => Int, { defaultValue: 50, description: `How many, at most ${MAX_CHANGES}` }) first: number,
    @Ctx() ctx: Context,
  ): Promise<Change[]> {
    return (await historyOf(ctx.db, id, first)).map(toChange);
  }

  @Query(() => ChangePage, { description: 'The change feed: changes after a sequence number, oldest first, for dashboards and mirrors to keep up' })
  async changes(
    @Arg('since', () => Int, { defaultValue: 0, description: `The last sequence number already seen (0: from the start; at most ${MAX_SEQ})` }) since: number,
    @Arg('first', () => Int, { defaultValue: 100, description: `How many, at most ${MAX_CHANGES}` }) first: number,
    @Ctx() ctx: Context,
  ): Promise<ChangePage> {
    const rows = (await changesSince(ctx.db, since, first)).map(toChange);
    return { changes: rows, nextSince: rows.length ? rows[rows.length - 1].seq : since };
  }

  @Query(() => [NodeVersion], {
    description: `The current version of nodes, to give as expectedVersions when a write changes them (at most ${MAX_VERSION_IDS} ids; ids not in the graph are left out)`,
  })
  async versions(@Arg('ids', () => [ID], { description: 'Node ids' }) ids: string[], @Ctx() ctx: Context): Promise<NodeVersion[]> {
    return versionsOf(ctx.db, ids);
  }
}
