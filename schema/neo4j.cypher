// Graph schema of the hub, applied at every start. Each statement is idempotent (IF NOT EXISTS).
// Statements are separated by semicolons at the end of a line.

CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT admin_unit_id IF NOT EXISTS FOR (n:AdminUnit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agreement_id IF NOT EXISTS FOR (n:Agreement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT activity_id IF NOT EXISTS FOR (n:Activity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT part_id IF NOT EXISTS FOR (n:Part) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE;

CREATE INDEX organization_kind IF NOT EXISTS FOR (n:Organization) ON (n.kind);
CREATE INDEX organization_ror IF NOT EXISTS FOR (n:Organization) ON (n.ror);
CREATE INDEX admin_unit_level IF NOT EXISTS FOR (n:AdminUnit) ON (n.level);
CREATE INDEX admin_unit_stat_code IF NOT EXISTS FOR (n:AdminUnit) ON (n.statCode);
CREATE INDEX agreement_signed_on IF NOT EXISTS FOR (n:Agreement) ON (n.signedOn);
CREATE INDEX agreement_kind IF NOT EXISTS FOR (n:Agreement) ON (n.kind);
CREATE INDEX activity_start IF NOT EXISTS FOR (n:Activity) ON (n.startDate);
CREATE INDEX activity_kind IF NOT EXISTS FOR (n:Activity) ON (n.kind);

// Vietnamese sort keys of names and titles (src/core/collation.ts): lists sort by them.
CREATE INDEX organization_name_key IF NOT EXISTS FOR (n:Organization) ON (n.nameKey);
CREATE INDEX admin_unit_name_key IF NOT EXISTS FOR (n:AdminUnit) ON (n.nameKey);
CREATE INDEX region_name_key IF NOT EXISTS FOR (n:Region) ON (n.nameKey);
CREATE INDEX person_name_key IF NOT EXISTS FOR (n:Person) ON (n.nameKey);
CREATE INDEX topic_name_key IF NOT EXISTS FOR (n:Topic) ON (n.nameKey);
CREATE INDEX agreement_title_key IF NOT EXISTS FOR (n:Agreement) ON (n.titleKey);
CREATE INDEX activity_title_key IF NOT EXISTS FOR (n:Activity) ON (n.titleKey);
CREATE INDEX source_title_key IF NOT EXISTS FOR (n:Source) ON (n.titleKey);

// Names, aliases and acronyms, folded to ASCII so that "Can Tho" finds "Cần Thơ".
CREATE FULLTEXT INDEX name_search IF NOT EXISTS
FOR (n:Organization|AdminUnit|Region|Agreement|Activity|Person|Topic)
ON EACH [n.name, n.nameEn, n.title, n.titleEn, n.aliasText, n.acronymText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };

// Document numbers of agreements and sources (16/TTHT-UBND, 416/SKHCN-VP); search checks each hit's whole number.
CREATE FULLTEXT INDEX number_search IF NOT EXISTS
FOR (n:Agreement|Source)
ON EACH [n.number]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };

// Change records of the curation API: each has one id, and a client's idempotency key names one change only.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT change_idempotency_key IF NOT EXISTS FOR (c:Change) REQUIRE c.idempotencyKey IS UNIQUE;
CREATE INDEX change_seq IF NOT EXISTS FOR (c:Change) ON (c.seq);
