import { Field, ID, ObjectType } from 'type-graphql';
import { PartialDateScalar } from '../graphql/partial-date';
import { SourceKind } from '../graphql/enums';

@ObjectType({ description: 'A document the data comes from, or an external reference (registry, law, standard).' })
export class SourceDocument {
  @Field(() => ID)
  id!: string;

  @Field(() => SourceKind)
  kind!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  titleEn!: string | null;

  @Field(() => String, { nullable: true, description: 'Path of the document text below seeds/' })
  file!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it was published, as precise as known' })
  publishedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Document number, e.g. 416/SKHCN-VP' })
  number!: string | null;

  @Field(() => String, { nullable: true })
  language!: string | null;
}

