import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { Role } from '../graphql/auth';

/** The roles as GraphQL names them; their values are the token's `role` claim. */
export const ViewerRole: Record<'CURATOR' | 'EDITOR', Role> = { CURATOR: 'curator', EDITOR: 'editor' };

registerEnumType(ViewerRole, {
  name: 'ViewerRole',
  description: 'What a token may write',
  valuesConfig: {
    CURATOR: { description: 'Registers sources and writes facts with their evidence' },
    EDITOR: { description: 'All a curator may, and also merges, retracts and reverts' },
  },
});

@ObjectType({ description: 'Who sent the request, as the hub read it from the bearer token' })
export class Viewer {
  @Field(() => String, { description: 'The person’s name, as the history of their changes records it' })
  name!: string;

  @Field(() => ViewerRole, { description: 'What the token may write' })
  role!: Role;

  @Field(() => String, { description: 'The token’s subject (sub): who the person is to the issuer, whatever their name' })
  subject!: string;
}
