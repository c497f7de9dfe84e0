import { Args, FieldResolver, Resolver } from 'type-graphql';
import { Parent } from '../graphql/parent';
import { Activity, Participation } from '../activity/activity.type';
import { Agreement, AgreementParty } from '../agreement/agreement.type';
import { AdminUnit, Region } from '../geography/geography.type';
import { NestedPageArgs } from '../graphql/nested-page';
import { pageOf } from '../graphql/paging';
import { OrganizationRelation } from '../organization/organization-relation.type';
import { Organization } from '../organization/organization.type';
import { Attendance, Person, Position, Signature } from '../person/person.type';
import { Provenance } from '../graphql/provenance.type';

type WithProvenance = { provenance: Provenance[] };
type TypeClass = abstract new (...args: never[]) => WithProvenance;

/**
 * The `provenance` field of `type`, with the nested page arguments. The quotes are stored on the node or
 * relationship itself and are few (one per source that states the fact), so the page is cut from what the
 * parent already holds: no statement of its own.
 */
function provenanceResolver(type: TypeClass) {
  @Resolver(() => type)
  class ProvenancePageResolver {
    @FieldResolver(() => [Provenance], { description: 'The sources that state it, with their quotes, in the order recorded' })
    provenance(@Parent() parent: WithProvenance, @Args(() => NestedPageArgs) page: NestedPageArgs): Provenance[] {
      return pageOf(parent.provenance, page);
    }
  }
  return ProvenancePageResolver;
}

/** One resolver per type that has a provenance field (Organization's serves every organisation type). */
export const PROVENANCE_RESOLVERS = [
  Activity,
  AdminUnit,
  Agreement,
  AgreementParty,
  Attendance,
  Organization,
  OrganizationRelation,
  Participation,
  Person,
  Position,
  Region,
  Signature,
].map(provenanceResolver);
