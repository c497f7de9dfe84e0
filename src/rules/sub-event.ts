/**
 * What a sub-event inherits from its event, defined once. A sub-event is an activity PART_OF another (a signing
 * within a workshop, a session within a conference). The text often names the place and the organisers only
 * for the event, so for filtering:
 * - a sub-event without a place of its own (no HELD_IN) is held where its event is held;
 * - a sub-event without organisers of its own (no participant in an organising role, see tie.ts) is organised
 *   by its event's organisers.
 * Inheritance follows PART_OF up to MAX_EVENT_DEPTH levels and stops at the nearest event that has its own.
 * It is a filtering rule only: inherited organisers make no ties and are not listed as participants.
 */
import { ACTIVITY_ORGANISING_ROLES } from './tie';

/** How many PART_OF levels a sub-event inherits across (a session of a track of a conference is two). */
export const MAX_EVENT_DEPTH = 3;

const list = (xs: readonly string[]) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;

/**
 * Cypher predicate: activity `x` is held in an AdminUnit `u` that satisfies `unitPredicate` (a Cypher boolean
 * over the variable `u`), by its own HELD_IN or, without one, by that of the nearest event above it that has one.
 * `x` and the predicate come from the calling statement, never from a request; values travel as parameters.
 */
export function heldInCypher(x: string, unitPredicate: string): string {
  return `EXISTS {
    MATCH chain = (${x})-[:PART_OF*0..${MAX_EVENT_DEPTH}]->(event:Activity)-[:HELD_IN]->(u:AdminUnit)
    WHERE all(m IN nodes(chain)[..-1] WHERE m = event OR NOT EXISTS { (m)-[:HELD_IN]->(:AdminUnit) })
      AND (${unitPredicate})
  }`;
}

/** Cypher predicate: activity `a` has an organiser of its own (a participant in an organising role). */
export function hasOwnOrganiserCypher(a: string): string {
  return `EXISTS { (${a})<-[own:PARTICIPATED_IN]-(:Organization) WHERE own.role IN ${list(ACTIVITY_ORGANISING_ROLES)} }`;
}

/**
 * Cypher predicate: organisation id `orgParam` takes part in activity `x` in any role, or organises an event
 * above `x` from which `x` inherits its organisers (`x` and every event between them have no organiser of
 * their own). The same test with participants of their own would make attendees of a conference attend
 * every session, which the text does not say.
 */
export function participantOrInheritedOrganiserCypher(x: string, orgParam: string): string {
  return `(EXISTS { (:Organization {id: ${orgParam}})-[:PARTICIPATED_IN]->(${x}) }
    OR EXISTS {
      MATCH chain = (${x})-[:PART_OF*1..${MAX_EVENT_DEPTH}]->(event:Activity)<-[r:PARTICIPATED_IN]-(:Organization {id: ${orgParam}})
      WHERE r.role IN ${list(ACTIVITY_ORGANISING_ROLES)}
        AND all(m IN nodes(chain)[..-1] WHERE m = event OR NOT ${hasOwnOrganiserCypher('m')})
    })`;
}
