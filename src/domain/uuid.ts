// Uuids as they come from outside (CLI flags, job payloads, URLs): any case is accepted and lower
// case comes out. PostgreSQL prints uuids in lower case, and ids are compared as strings in this
// code (a Set of user ids, a Map of request ids), so an uppercase id from a client that writes them
// so (.NET, Swift's `uuidString`) would otherwise match nothing. Normalise at the edge, once.
import { z } from "zod";

type Params = Parameters<typeof z.uuid>[0];

/** An RFC 9562 uuid (version and variant checked), lower-cased. */
export const uuidInput = (params?: Params) => z.uuid(params).toLowerCase();

/** Any 8-4-4-4-12 hex id, as PostgreSQL's uuid type takes it, lower-cased. */
export const guidInput = (params?: Params) => z.guid(params).toLowerCase();
