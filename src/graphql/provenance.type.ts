import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where a fact comes from: a source and the verbatim sentence that states it (or a note).' })
export class Provenance {
  @Field(() => ID)
  sourceId!: string;

  @Field(() => String, { nullable: true, description: 'Verbatim text of the source that states the fact' })
  quote!: string | null;

  @Field(() => String, { nullable: true, description: 'For external sources: what the source says' })
  note!: string | null;
}
