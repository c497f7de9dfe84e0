import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { PartialDateScalar } from '../graphql/partial-date';
import { SourceKind } from '../graphql/enums';

@ObjectType({ implements: Node, description: 'A document the data comes from, or an external reference (registry, law, standard).' })
export class SourceDocument {
  @Field(() => ID, { description: 'Stable id: src-… for a document, ext-… for an external reference' })
  id!: string;

  @Field(() => SourceKind, { description: 'What kind of source it is (official letter, news, external reference, ...)' })
  kind!: string;

  @Field(() => String, { description: 'Title in the source’s own language (usually Vietnamese), as written' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'English title; null when none was recorded' })
  titleEn!: string | null;

  @Field(() => String, { nullable: true, description: 'Path of the document text below seeds/; null for external references' })
  file!: string | null;

  @Field(() => String, { nullable: true, description: 'Web address where it can be read; null when none was recorded' })
  url!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it was published, as precise as known; null when not recorded' })
  publishedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Document number, e.g. 416/SKHCN-VP; null when it has none' })
  number!: string | null;

  @Field(() => String, { nullable: true, description: 'Language of its text as an ISO 639-1 code (vi, en); null when not recorded' })
  language!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The document’s full text as stored at import (Unicode NFC), in which its quotes can be found; null for external references and documents without a file',
  })
  text!: string | null;
}

