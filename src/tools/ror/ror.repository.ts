// Statements of the ROR importer. Every value comes in as a parameter; nothing is concatenated.

/** Organisations carrying any of `$rors`, with the fields a ROR import may add to. */
export const FIND_ORGS_BY_ROR = `UNWIND $rors AS ror
MATCH (n:Organization {ror: ror})
RETURN ror, n.id AS id, n.name AS name, n.nameEn AS nameEn, n.aliases AS aliases, n.acronyms AS acronyms,
       n.externalIds AS externalIds, n.website AS website
ORDER BY ror, id`;

/** Which of `$ids` are organisations in the graph. */
export const EXISTING_ORG_IDS = `UNWIND $ids AS id
MATCH (n:Organization {id: id})
RETURN n.id AS id`;

/** Which of `$ids` are admin units in the graph. */
export const EXISTING_UNIT_IDS = `UNWIND $ids AS id
MATCH (n:AdminUnit {id: id})
RETURN n.id AS id`;

/**
 * Adds ROR data to curated organisations: `row.props` holds only aliases, aliasText, acronyms, acronymText,
 * externalIds and website, already merged with what the node had, so no other property is touched.
 */
export const ADD_TO_CURATED_ORGS = `UNWIND $rows AS row
MATCH (n:Organization {id: row.id})
SET n += row.props`;

/**
 * Removes the location, parent and organisation relations that an earlier ROR import gave the organisations
 * it owns (`$ids`), so that a re-import states exactly what the file says. Relationships backed by any other
 * source are kept.
 */
export const DROP_ROR_RELATIONSHIPS = `UNWIND $ids AS id
MATCH (n:Organization {id: id})-[r:LOCATED_IN|PART_OF|RELATED_TO]->()
WHERE r.sources = ['ext-ror']
DELETE r`;
