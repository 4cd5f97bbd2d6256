// npm postinstall: patches @pg-boss/dashboard's build to run on our pg-boss (src/http/dashboard-patch.ts,
// docs/dashboard.md). Exits 1 with one line when the installed build is not the reviewed one, so
// a dashboard upgrade fails `npm ci` instead of serving a build that cannot act.
import { DashboardPatchError, patchInstalledDashboard } from "../src/http/dashboard-patch.ts";

try {
  for (const line of patchInstalledDashboard()) process.stdout.write(`pgboss-dashboard patch: ${line}\n`);
} catch (error) {
  if (!(error instanceof DashboardPatchError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
