import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A node of the graph that a text names' })
export class MentionedNode {
  @Field(() => ID, { description: 'Its id' })
  id!: string;

  @Field({ description: 'What it is: ORGANIZATION, ADMIN_UNIT, INSTRUMENT (an agreement by its number), SOURCE (a document by its number) or PERSON' })
  kind!: string;

  @Field({ description: 'Its name (an instrument’s or document’s title)' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What tells it apart from others of the same name: an organisation’s kind, a unit’s level and the date it ended' })
  detail!: string | null;
}

@ObjectType({ description: 'A place in the text that names known nodes' })
export class Mention {
  @Field(() => Int, { description: 'Offset of its first character in the text (UTF-16 code units, as JavaScript counts)' })
  start!: number;

  @Field(() => Int, { description: 'Offset after its last character' })
  end!: number;

  @Field({ description: 'The words as the text writes them' })
  text!: string;

  @Field({ description: 'The sentence around it' })
  sentence!: string;

  @Field(() => Int, { description: 'Offset of the sentence in the text' })
  sentenceStart!: number;

  @Field(() => [MentionedNode], { description: 'The nodes these words name: more than one where a name is shared (a unit before and after a merger)' })
  candidates!: MentionedNode[];
}

@ObjectType({ description: 'Words that look like the name of a body the graph does not know yet' })
export class NewName {
  @Field(() => Int, { description: 'Offset of its first character' })
  start!: number;

  @Field(() => Int, { description: 'Offset after its last character' })
  end!: number;

  @Field({ description: 'The name as written' })
  name!: string;

  @Field({ description: 'The sentence around it' })
  sentence!: string;
}

@ObjectType({ description: 'What a text mentions: known actors, places, instruments and people, and names that may be new' })
export class MentionReport {
  @Field(() => [Mention], { description: 'Places that name known nodes, in text order (at most first)' })
  mentions!: Mention[];

  @Field(() => Int, { description: 'How many places name known nodes in all' })
  totalCount!: number;

  @Field(() => [MentionedNode], { description: 'Each known node the text names, once, in order of first mention' })
  known!: MentionedNode[];

  @Field(() => [NewName], { description: 'Runs of words that look like a body’s name (Sở, Trường, Viện, Công ty, ... and capitalised words) and name no known node' })
  newNames!: NewName[];
}
