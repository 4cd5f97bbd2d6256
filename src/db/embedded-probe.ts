// Who is on the embedded port? Before joining or starting the embedded PostgreSQL, the port is
// asked: nobody (start one), this project's server on this data folder (join it), or anything else:
// a program that is not PostgreSQL, another PostgreSQL, or our server on another folder (another
// clone, another EMBEDDED_PG_DIR). The last three are one-line errors naming the port and the
// setting to change; joining them silently would put this folder's work in someone else's database.
import { realpath } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { ConfigError } from "../config.ts";

/** The embedded port is taken by something this process must not use: exit 2 like a bad setting. */
export class EmbeddedServerConflictError extends ConfigError {}

export type PortProbe =
  | { kind: "free" }
  | { kind: "postgres"; dataDirectory: string }
  /** Our server is still starting (57P03), or shutting down (57P01 at connect). */
  | { kind: "busy" }
  | { kind: "other"; reason: string };

/** PostgreSQL is starting up, shutting down, or in recovery: ask again shortly. */
const TRANSIENT_CODES = new Set(["57P03", "57P01", "57P02"]);

export async function probePort(url: string): Promise<PortProbe> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on("error", () => {}); // a connection the server ends while we ask is an answer, not a crash
  try {
    await client.connect();
    // Superuser (the embedded server's only role), so data_directory is readable.
    const { rows } = await client.query<{ data_directory: string }>("SHOW data_directory");
    return { kind: "postgres", dataDirectory: rows[0]?.data_directory ?? "" };
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code === "ECONNREFUSED") return { kind: "free" };
    if (code && TRANSIENT_CODES.has(code)) return { kind: "busy" };
    return { kind: "other", reason: code ? `${code} ${message ?? ""}`.trim() : (message ?? String(error)) };
  } finally {
    await client.end().catch(() => {});
  }
}

/** The folder with every link resolved, or the absolute path when it does not exist (yet). */
export async function canonicalFolder(folder: string): Promise<string> {
  const absolute = path.resolve(folder);
  return realpath(absolute).catch(() => absolute);
}

export function portHeldError(port: number, reason: string): EmbeddedServerConflictError {
  return new EmbeddedServerConflictError(
    `embedded PostgreSQL: port ${port} is in use by a program that is not this project's embedded PostgreSQL ` +
      `(${reason.split("\n")[0]}): set EMBEDDED_PG_PORT to a free port, or stop that program`,
  );
}

export function otherFolderError(port: number, theirs: string, ours: string): EmbeddedServerConflictError {
  return new EmbeddedServerConflictError(
    `embedded PostgreSQL: the server on port ${port} keeps its data in ${theirs}, not in ${ours} (EMBEDDED_PG_DIR): ` +
      "stop that server, or set EMBEDDED_PG_PORT to another port to run one on this folder",
  );
}
