#!/usr/bin/env node
// `npm run cli -- <command> [options]`: the package's bin. All the work is in main.ts.
import { processIo, runCli } from "./main.ts";

process.exitCode = await runCli(process.argv.slice(2), processIo);
