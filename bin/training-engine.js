#!/usr/bin/env -S node --experimental-strip-types --disable-warning=ExperimentalWarning
// The package's bin: the same program as `npm run cli`. Node >= 22.12 strips the TypeScript types.
import "../src/cli/index.ts";
