import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One recorded change to the graph: who made it, when, why, and every node it touched before and after' })
export class Change {
  @Field(() => ID, { description: 'The change’s id (chg-…)' })
  id!: string;

  @Field(() => Int, { description: 'Its position in the order of all changes (the change feed’s cursor)' })
  seq!: number;

  @Field({ description: 'When it was committed (ISO 8601, UTC)' })
  at!: string;

  @Field({ description: 'What it did: WRITE (records written), SOURCE (a document registered), RETRACT (a node taken out), MERGE (an organisation merged into another), REVERT (an earlier change undone)' })
  kind!: string;

  @Field(() => ID, { nullable: true, description: 'For a REVERT, the change it undid' })
  reverts?: string;

  @Field({ description: 'The name of who made it, from their token' })
  author!: string;

  @Field({ description: 'Their role when they made it (curator or editor)' })
  authorRole!: string;

  @Field({ description: 'Why it was made, as its author wrote' })
  message!: string;

  @Field(() => [ID], { description: 'The nodes it touched and the ties it wrote (party:org:agr:ROLE and the like)' })
  entities!: string[];

  @Field({ nullable: true, description: 'The records it wrote, as JSON in the seed format; null for a retraction' })
  records?: string;

  @Field({ description: 'Every touched node before the change, with its properties and relationships, as JSON (empty list for nodes it created)' })
  before!: string;

  @Field({ description: 'Every touched node after the change, as JSON (empty list for a retraction)' })
  after!: string;
}

@ObjectType({ description: 'A page of the change feed' })
export class ChangePage {
  @Field(() => [Change], { description: 'Changes after the given sequence number, oldest first' })
  changes!: Change[];

  @Field(() => Int, { description: 'The sequence number to ask from next (the last one here, or the one given when there is none)' })
  nextSince!: number;
}

@ObjectType({ description: 'A node’s current version, as a write that changes it must give it' })
export class NodeVersion {
  @Field(() => ID, { description: 'The node’s id' })
  id!: string;

  @Field(() => Int, { description: 'Its version: 0 for a node never written through the API, then one more with each change' })
  version!: number;
}

@InputType({ description: 'The version a node is expected to be at when a change writes it (optimistic concurrency)' })
export class ExpectedVersion {
  @Field(() => ID, { description: 'The node’s id' })
  id!: string;

  @Field(() => Int, { description: 'Its version as last read (`version` in history; 0 for a node never written through the API)' })
  version!: number;
}

@InputType({ description: 'A source document to register: its text is kept and quotes are checked against it' })
export class SourceInput {
  @Field(() => ID, { description: 'A new id: src- and a lower-case ASCII slug' })
  id!: string;

  @Field({ description: 'OFFICIAL_LETTER, NEWS or NEWS_DIGEST (EXTERNAL for a reference without a text)' })
  kind!: string;

  @Field({ description: 'Its title as written' })
  title!: string;

  @Field({ nullable: true, description: 'An English title' })
  titleEn?: string;

  @Field({ description: 'Its full text; kept NFC-normalised' })
  text!: string;

  @Field({ nullable: true, description: 'Publication date, YYYY, YYYY-MM or YYYY-MM-DD as the document gives it' })
  publishedOn?: string;

  @Field({ nullable: true, description: 'Its number, e.g. 416/SKHCN-VP' })
  number?: string;

  @Field({ nullable: true, description: 'The publishing organisation’s id (it must exist)' })
  publisher?: string;

  @Field({ nullable: true, description: 'Language code, e.g. vi' })
  language?: string;

  @Field({ nullable: true, description: 'Its public address, if any' })
  url?: string;
}
