#!/usr/bin/env node
// `npm run cli -- <command> [options]`: the package's bin. All the work is in main.ts.
import { runCli } from "./main.ts";
import { processIo } from "./process-io.ts";

process.exitCode = await runCli(process.argv.slice(2), processIo());
