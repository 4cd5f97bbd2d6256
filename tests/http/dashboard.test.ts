// The pg-boss dashboard mounted at /queues acts on OUR schema: its job page answers, and its
// retry, cancel and delete forms change the job the way our pg-boss would. Before the build was
// patched (src/http/dashboard-patch.ts), every one of these answered 500 or "Database error
// occurred" ("pg-boss database requires migrations"). Also: the patch refuses a build it was not
// reviewed against, and nothing the dashboard serves names another origin.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOSS_SCHEMA, createBoss } from "../../src/boss.ts";
import {
  dashboardRoot,
  isDashboardPatched,
  PATCHES,
  patchInstalledDashboard,
} from "../../src/http/dashboard-patch.ts";
import type { OpsService } from "../../src/http/ops-server.ts";
import { createLogger } from "../../src/logger.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { get, post } from "./http-client.ts";
import { startTestOps } from "./test-ops.ts";

const silent = createLogger("silent");
const QUEUE = "ops.dashboard-check";

describe("the pg-boss dashboard at /queues on our pg-boss", () => {
  let tdb: TestDatabase;
  let boss: PgBoss;
  let ops: OpsService;
  let base: string;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    boss = createBoss(tdb.url, silent, { max: 2 });
    await boss.start();
    ({ ops, base } = await startTestOps(tdb));
  });
  afterAll(async () => {
    await ops?.close();
    await boss?.stop({ graceful: false });
    await tdb?.drop();
  });

  /** A failed job in a queue of its own (nothing works these queues). */
  async function failedJob(queue: string): Promise<string> {
    await boss.createQueue(queue, { retryLimit: 0 });
    const id = (await boss.send(queue, { n: 1 })) as string;
    const [job] = await boss.fetch(queue);
    expect(job?.id).toBe(id);
    await boss.fail(queue, id, { message: "boom for the dashboard" });
    expect(await state(id)).toBe("failed");
    return id;
  }

  async function state(id: string): Promise<string | undefined> {
    const { rows } = await tdb.pool.query<{ state: string }>(
      `SELECT state::text AS state FROM ${BOSS_SCHEMA}.job WHERE id = $1`,
      [id],
    );
    return rows[0]?.state;
  }

  const jobPage = (id: string, queue = QUEUE) => `${base}/queues/queues/${queue}/jobs/${id}`;

  it("answers a failed job's page with the job", async () => {
    const id = await failedJob(`${QUEUE}.page`);
    const page = await get(jobPage(id, `${QUEUE}.page`));
    expect(page.status).toBe(200);
    expect(page.body).toContain(id);
    expect(page.body).toContain("boom for the dashboard");
  });

  it("retries a failed job, cancels a waiting one, deletes one and sends one, through its forms", async () => {
    const failed = await failedJob(QUEUE);
    const retried = await post(jobPage(failed), { intent: "retry", jobId: failed });
    expect(retried.status).toBe(200);
    expect(await state(failed)).toBe("retry");

    const waiting = (await boss.send(QUEUE, { n: 2 })) as string;
    expect((await post(jobPage(waiting), { intent: "cancel", jobId: waiting })).status).toBe(200);
    expect(await state(waiting)).toBe("cancelled");

    // A deleted job has no page left: the dashboard redirects to its queue.
    const deleted = await post(jobPage(waiting), { intent: "delete", jobId: waiting });
    expect(deleted.status).toBe(302);
    expect(await state(waiting)).toBeUndefined();

    // Send: a job in the queue, through our pg-boss, then a redirect to the queue's page.
    const sent = await post(`${base}/queues/send`, {
      queueName: QUEUE,
      data: '{"sent":"from the dashboard"}',
    });
    expect(sent.status).toBe(302);
    const { rows } = await tdb.pool.query<{ state: string }>(
      `SELECT state::text AS state FROM ${BOSS_SCHEMA}.job WHERE name = $1 AND data ->> 'sent' = 'from the dashboard'`,
      [QUEUE],
    );
    expect(rows).toEqual([{ state: "created" }]);
  });

  it("puts the response's CSP nonce on every inline script, and serves no third-party origin", async () => {
    const id = await failedJob(`${QUEUE}.csp`);
    const pages = [
      `${base}/queues`,
      `${base}/queues/queues/${QUEUE}`,
      jobPage(id, `${QUEUE}.csp`),
      ...["jobs", "schedules", "migrations", "warnings"].map((p) => `${base}/queues/${p}`),
    ];
    const assets = new Set<string>();
    for (const url of pages) {
      const page = await get(url);
      expect(page.status, url).toBe(200);
      const csp = page.headers["content-security-policy"] as string;
      expect(csp.split("; ").find((d) => d.startsWith("script-src"))).not.toContain("unsafe-inline");
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeDefined();
      const scripts = [...page.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) {
        if (/\bsrc=/.test(tag)) continue;
        expect(tag, url).toContain(`nonce="${nonce}"`);
      }
      expect(externalOrigins(page.body, SVG_NAMESPACE), url).toEqual([]);
      for (const m of page.body.matchAll(/(?:href|src)="(\/queues\/assets\/[^"]+)"/g))
        assets.add(m[1] as string);
    }
    // Every asset the pages load, and every asset those import.
    const seen = new Set<string>();
    const queue = [...assets];
    while (queue.length > 0) {
      const asset = queue.pop() as string;
      if (seen.has(asset)) continue;
      seen.add(asset);
      const reply = await get(`${base}${asset}`);
      expect(reply.status, asset).toBe(200);
      expect(reply.headers["cache-control"], asset).toBe("no-store");
      expect(externalOrigins(reply.body, KNOWN_NON_FETCHED), asset).toEqual([]);
      for (const m of reply.body.matchAll(/["'`(](?:\.\/|\/queues\/assets\/)([\w.-]+\.(?:js|css))/g)) {
        queue.push(`/queues/assets/${m[1]}`);
      }
    }
    expect(seen.size).toBeGreaterThan(5);
    // The product's own pages: no script at all, and nothing from elsewhere.
    for (const path of ["/", "/plan-requests", "/dead-letters", "/progress"]) {
      const page = await get(`${base}${path}`);
      expect(page.status, path).toBe(200);
      expect(page.body, path).not.toMatch(/<script/i);
      expect(externalOrigins(page.body, SVG_NAMESPACE), path).toEqual([]);
    }
  });
});

/** `xmlns="http://www.w3.org/2000/svg"`: a name, not an address anything loads. */
const SVG_NAMESPACE = new Set(["http://www.w3.org"]);

/**
 * Strings in the dashboard's minified assets that look like origins but are never fetched: XML
 * namespace names, the base React Router resolves paths against, and links inside error messages
 * and licence banners. Anything else fails the test.
 */
const KNOWN_NON_FETCHED = new Set([
  "http://www.w3.org",
  "http://localhost",
  "https://react.dev",
  "https://reactrouter.com",
  "https://base-ui.com",
  "https://github.com",
  "https://tailwindcss.com",
]);

function externalOrigins(text: string, allowed: Set<string> = new Set()): string[] {
  const origins = [...text.matchAll(/\b(https?:)?\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+|localhost)(?::\d+)?/gi)]
    .filter((m) => m[1] !== undefined || /^\/\/[a-z]/i.test(m[0]))
    .map((m) => `${(m[1] ?? "https:").toLowerCase()}//${(m[2] as string).toLowerCase()}`)
    .filter((origin) => !origin.endsWith("//127.0.0.1") && !allowed.has(origin));
  return [...new Set(origins)];
}

describe("the dashboard patch", () => {
  let copy: string;
  beforeAll(() => {
    copy = mkdtempSync(path.join(tmpdir(), "te-dashboard-"));
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it("is applied to the installed build (by npm's postinstall) and is a no-op the second time", () => {
    expect(isDashboardPatched()).toBe(true);
    const root = path.join(copy, "installed");
    cpSync(dashboardRoot(), root, { recursive: true });
    expect(patchInstalledDashboard(root)).toEqual(PATCHES.map((p) => `${p.file}: already patched`));
  });

  it("refuses a build it was not reviewed against, naming the file", () => {
    const root = path.join(copy, "upgraded");
    cpSync(dashboardRoot(), root, { recursive: true });
    const file = path.join(root, "build/server/index.js");
    const original = readFileSync(file, "utf8").split("\n").slice(1).join("\n"); // the marker off
    writeFileSync(file, original.replace("function getPool(", "function getPool2("));
    expect(() => patchInstalledDashboard(root)).toThrow(
      /build\/server\/index\.js is not the reviewed 1\.9\.0 build \(sha256 [0-9a-f]{64}, expected/,
    );
    expect(isDashboardPatched(root)).toBe(false);
  });

  it("refuses another version of the package", () => {
    const root = path.join(copy, "other-version");
    cpSync(dashboardRoot(), root, { recursive: true });
    const pkg = path.join(root, "package.json");
    writeFileSync(pkg, readFileSync(pkg, "utf8").replace('"version": "1.9.0"', '"version": "1.10.0"'));
    expect(() => patchInstalledDashboard(root)).toThrow(/@pg-boss\/dashboard 1\.10\.0 is installed/);
  });
});
