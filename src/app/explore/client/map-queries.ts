// The map's GraphQL operations: provincial units with their centres, per-province counts and the cooperation network.

/** The units of one mode with their centres and the unit each is part of today. */
export const MAP_UNITS = `query MapUnits($on: LocalDate!) {
  adminUnits(filter: { validOn: $on, parent: "country-vn" }, first: 200) {
    nodes { id name nameEn centre { latitude longitude point reference } }
  }
  all: adminUnits(filter: { parent: "country-vn" }, first: 500) { nodes { id current { id } } }
}`;

/** Agreements and activities by provincial unit of the mode (every unit listed, zeros included). */
export const MAP_COUNTS = `query MapCounts($mode: ProvinceMode!) {
  agreements: countTable(of: AGREEMENTS, rows: PROVINCE, provinceMode: $mode) { rows { key } cells }
  activities: countTable(of: ACTIVITIES, rows: PROVINCE, provinceMode: $mode) { rows { key } cells }
}`;

/** Most organisations the map asks the cooperation network for (the hub's own limit). */
export const MAP_NETWORK_LIMIT = 2000;

/** Every organisation with ties and the ties among them, each organisation with the unit it is located in. */
export const MAP_NETWORK = `query MapNetwork($limit: Int!) {
  cooperationNetwork(limit: $limit) { nodes { id location } edges { source target } }
}`;

/** A provincial unit as the map reads it. */
export interface MapUnit {
  id: string;
  name: string;
  nameEn: string | null;
  centre: { latitude: number; longitude: number; point: string; reference: string } | null;
}

export interface MapUnitsData {
  adminUnits: { nodes: MapUnit[] };
  all: { nodes: { id: string; current: { id: string } }[] };
}

export interface MapCountsData {
  agreements: { rows: { key: string }[]; cells: number[][] };
  activities: { rows: { key: string }[]; cells: number[][] };
}

export interface MapNetworkData {
  cooperationNetwork: { nodes: { id: string; location: string | null }[]; edges: { source: string; target: string }[] };
}
