import { connectionTypes } from '../graphql/connection';
import { CrossRegionLink } from './stats.type';

/** Name of the cross-region ties in their cursors and connection types. */
export const CROSS_REGION_TIES = 'CrossRegionTie';

/** `CrossRegionTieConnection` and `CrossRegionTieEdge`: pages of cross-region pairs, shaped like every connection. */
export const { Connection: CrossRegionTieConnection } = connectionTypes(CrossRegionLink, CROSS_REGION_TIES);
