import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where a fact comes from: a source and the verbatim sentence that states it (or a note).' })
export class Provenance {
  @Field(() => ID, { description: 'Id of the source (use source for its title and date without another request)' })
  sourceId!: string;

  @Field(() => String, { nullable: true, description: 'Verbatim text of the source that states the fact; null when the source is cited with a note instead' })
  quote!: string | null;

  @Field(() => String, { nullable: true, description: 'For external sources: what the source says; null when there is a quote' })
  note!: string | null;
}
