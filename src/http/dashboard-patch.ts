// Patches @pg-boss/dashboard's prebuilt build in node_modules so it runs on OUR pg-boss (run at
// install by scripts/patch-pgboss-dashboard.ts, npm's postinstall; docs/dashboard.md says why). The package bundles pg-boss 12.33.2 (schema 42) into
// build/server/index.js, so an npm override cannot reach it, and that copy refuses our schema
// ("pg-boss database requires migrations"): job pages answer 500, retry/cancel/delete fail.
//
// Each file is patched only from the exact bytes it was reviewed against (sha256 below) and each
// edit must match exactly once, so a dashboard upgrade fails `npm ci` loudly instead of serving a
// half-patched build. Running it twice is a no-op (the patched hash is recognised).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export const DASHBOARD_VERSION = "1.9.0";
/** The first line of every patched file. */
export const PATCH_MARKER = "/* training-engine: patched by scripts/patch-pgboss-dashboard.ts */";
/** Where the host (src/http/dashboard.ts) hangs the pool, pg-boss and nonce the build asks for. */
export const HOOKS_KEY = "training-engine.pgboss-dashboard";

interface Edit {
  /** Why, for the reader of this file and of the failure message. */
  why: string;
  from: string;
  to: string;
}

interface FilePatch {
  file: string;
  /** The reviewed original. */
  sha256: string;
  /** What this module writes from it: an installed file with the marker must hash to this. */
  patchedSha256: string;
  edits: Edit[];
}

const HOOKS = `globalThis[Symbol.for(${JSON.stringify(HOOKS_KEY)})]`;

const SERVER: FilePatch = {
  file: "build/server/index.js",
  sha256: "a52c4f0a44c87ade4c4fd292c22e3d9eb7549143bd89ad6677e1cd6590b98ef6",
  patchedSha256: "241d4eb68541c4b029568c86886cc1db3c6db637f22ba23b604489c104a036e8",
  edits: [
    {
      why: "the React Router context, so the inline theme script can carry the request's CSP nonce",
      from: 'import { isbot } from "isbot";\n',
      to: `import { isbot } from "isbot";\nimport { UNSAFE_FrameworkContext as __teFrameworkContext } from "react-router";\nconst __teHooks = () => ${HOOKS};\n`,
    },
    {
      why: "the CSP nonce the host put on the request, on every script React and React Router write",
      from: `\t\tconst { pipe, abort } = renderToPipeableStream(/* @__PURE__ */ jsx(ServerRouter, {
\t\t\tcontext: routerContext,
\t\t\turl: request.url
\t\t}), {
`,
      to: `\t\tconst __teNonce = __teHooks()?.nonce?.(request);
\t\tconst { pipe, abort } = renderToPipeableStream(/* @__PURE__ */ jsx(ServerRouter, {
\t\t\tcontext: routerContext,
\t\t\turl: request.url,
\t\t\tnonce: __teNonce
\t\t}), {
\t\t\tnonce: __teNonce,
`,
    },
    {
      why: "the theme script is inline: it needs the nonce too (no 'unsafe-inline')",
      from: '/* @__PURE__ */ jsx("script", { dangerouslySetInnerHTML: { __html: themeScript } })',
      to: '/* @__PURE__ */ jsx("script", { nonce: useContext(__teFrameworkContext)?.nonce, dangerouslySetInnerHTML: { __html: themeScript } })',
    },
    {
      why: "no Google Fonts: nothing leaves this origin, the system fonts are used",
      from: `function links() {
\treturn [
\t\t{
\t\t\trel: "preconnect",
\t\t\thref: "https://fonts.googleapis.com"
\t\t},
\t\t{
\t\t\trel: "preconnect",
\t\t\thref: "https://fonts.gstatic.com",
\t\t\tcrossOrigin: "anonymous"
\t\t},
\t\t{
\t\t\trel: "stylesheet",
\t\t\thref: "https://fonts.googleapis.com/css2?family=Geist:wght@300..700&family=Geist+Mono:wght@400..600&display=swap"
\t\t}
\t];
}`,
      to: "function links() {\n\treturn [];\n}",
    },
    {
      why: "the host's small pool for the pages instead of a 10-connection pool of the dashboard's own",
      from: "function getPool(connectionString) {\n\tif (isShuttingDown)",
      to: "function getPool(connectionString) {\n\tconst __tePool = __teHooks()?.pool;\n\tif (__tePool) return __tePool(connectionString);\n\tif (isShuttingDown)",
    },
    {
      why: "OUR pg-boss for every write (send, cancel, resume, delete, job lookup), not the bundled 12.33.2",
      from: "async function getInstance(dbUrl, schema) {\n\tconst key",
      to: "async function getInstance(dbUrl, schema) {\n\tconst __teBoss = __teHooks()?.boss;\n\tif (__teBoss) return __teBoss(dbUrl, schema);\n\tconst key",
    },
    {
      why: "retry through our pg-boss's retry(), which knows our schema, not a hand-written UPDATE",
      from: "async function retryJob(dbUrl, schema, queueName, jobId) {\n\treturn (await queryOne(",
      to: "async function retryJob(dbUrl, schema, queueName, jobId) {\n\tconst __teBoss = __teHooks()?.boss;\n\tif (__teBoss) return (await (await __teBoss(dbUrl, schema)).retry(queueName, jobId)).affected;\n\treturn (await queryOne(",
    },
  ],
};

const CLIENT_ROOT: FilePatch = {
  file: "build/client/assets/root-_UIV_YjO.js",
  sha256: "6cc858524483a7f9ee4cf98f706f044ea84e3c7ef6f60e4a7793eec114d9da1d",
  patchedSha256: "710ccbe228c67ac5626415487cfbaac6023109e38255b2714baa2658ea029888",
  edits: [
    {
      why: "no Google Fonts in the browser's copy of the root route either",
      from: "function tt(){return[{rel:`preconnect`,href:`https://fonts.googleapis.com`},{rel:`preconnect`,href:`https://fonts.gstatic.com`,crossOrigin:`anonymous`},{rel:`stylesheet`,href:`https://fonts.googleapis.com/css2?family=Geist:wght@300..700&family=Geist+Mono:wght@400..600&display=swap`}]}",
      to: "function tt(){return[]}",
    },
  ],
};

export const PATCHES: readonly FilePatch[] = [SERVER, CLIENT_ROOT];

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export class DashboardPatchError extends Error {}

/** The patched text of one file, or an error naming the file and the edit that did not fit. */
export function patchText(patch: FilePatch, original: string): string {
  const got = sha256(original);
  if (got !== patch.sha256) {
    throw new DashboardPatchError(
      `@pg-boss/dashboard: ${patch.file} is not the reviewed ${DASHBOARD_VERSION} build (sha256 ${got}, expected ${patch.sha256}); review scripts/patch-pgboss-dashboard.ts against the new build`,
    );
  }
  let text = original;
  for (const edit of patch.edits) {
    const at = text.indexOf(edit.from);
    if (at < 0 || text.indexOf(edit.from, at + 1) >= 0) {
      throw new DashboardPatchError(
        `@pg-boss/dashboard: ${patch.file}: the edit for "${edit.why}" does not match once`,
      );
    }
    text = text.slice(0, at) + edit.to + text.slice(at + edit.from.length);
  }
  return `${PATCH_MARKER}\n${text}`;
}

/** The installed package's folder, as Node resolves it from here. */
export function dashboardRoot(from = import.meta.url): string {
  const require = createRequire(from);
  return path.dirname(require.resolve("@pg-boss/dashboard/package.json"));
}

/** Patches the installed build in place; returns what it did per file. */
export function patchInstalledDashboard(root = dashboardRoot()): string[] {
  const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    version: string;
  };
  if (version !== DASHBOARD_VERSION) {
    throw new DashboardPatchError(
      `@pg-boss/dashboard ${version} is installed, but scripts/patch-pgboss-dashboard.ts was reviewed against ${DASHBOARD_VERSION}; review it against the new build`,
    );
  }
  const done: string[] = [];
  for (const patch of PATCHES) {
    const file = path.join(root, patch.file);
    const text = readFileSync(file, "utf8");
    if (text.startsWith(PATCH_MARKER)) {
      // Already patched: it must be exactly what this module writes, not an edited copy.
      const got = sha256(text);
      if (got !== patch.patchedSha256) {
        throw new DashboardPatchError(
          `@pg-boss/dashboard: ${patch.file} carries the patch marker but not the patched bytes (sha256 ${got}); reinstall it (rm -rf node_modules/@pg-boss/dashboard && npm ci)`,
        );
      }
      done.push(`${patch.file}: already patched`);
      continue;
    }
    const patched = patchText(patch, text);
    if (sha256(patched) !== patch.patchedSha256) {
      throw new DashboardPatchError(
        `@pg-boss/dashboard: ${patch.file}: the patched file is not the reviewed result`,
      );
    }
    writeFileSync(file, patched);
    done.push(`${patch.file}: patched`);
  }
  return done;
}

/** True when every file is exactly the patched build (what the server checks before it mounts it). */
export function isDashboardPatched(root = dashboardRoot()): boolean {
  return PATCHES.every(
    (patch) => sha256(readFileSync(path.join(root, patch.file), "utf8")) === patch.patchedSha256,
  );
}
