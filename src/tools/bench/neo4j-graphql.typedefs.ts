/**
 * The hub's graph described for @neo4j/graphql, the generic GraphQL-to-Cypher layer the benchmark compares
 * against. It maps the same labels, properties and relationship types the hub reads; @neo4j/graphql derives
 * its queries, filters and aggregations from these types alone.
 */
export const NEO4J_GRAPHQL_TYPEDEFS = /* GraphQL */ `
  type Role @relationshipProperties {
    role: String
  }

  type Organization @node @fulltext(indexes: [{ indexName: "name_search", queryName: "organizationsByName", fields: ["name", "nameEn"] }]) {
    id: ID!
    name: String!
    nameEn: String
    kind: String!
    locatedIn: [AdminUnit!]! @relationship(type: "LOCATED_IN", direction: OUT)
    agreements: [Agreement!]! @relationship(type: "PARTY_TO", direction: OUT, properties: "Role")
    activities: [Activity!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Role")
  }

  type Agreement @node {
    id: ID!
    title: String!
    kind: String!
    status: String
    signedOn: Date
    validFrom: Date
    validTo: Date
    parties: [Organization!]! @relationship(type: "PARTY_TO", direction: IN, properties: "Role")
    topics: [Topic!]! @relationship(type: "ABOUT", direction: OUT)
  }

  type Activity @node {
    id: ID!
    title: String!
    kind: String!
    status: String
    startDate: Date
    endDate: Date
    participants: [Organization!]! @relationship(type: "PARTICIPATED_IN", direction: IN, properties: "Role")
    topics: [Topic!]! @relationship(type: "ABOUT", direction: OUT)
  }

  type AdminUnit @node {
    id: ID!
    name: String!
    nameEn: String
    level: String
    regions: [Region!]! @relationship(type: "IN_REGION", direction: OUT)
    organizations: [Organization!]! @relationship(type: "LOCATED_IN", direction: IN)
  }

  type Region @node {
    id: ID!
    name: String!
    nameEn: String
    scheme: String
    units: [AdminUnit!]! @relationship(type: "IN_REGION", direction: IN)
  }

  type Topic @node {
    id: ID!
    name: String!
    nameEn: String
  }
`;
