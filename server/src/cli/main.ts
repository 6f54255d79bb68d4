#!/usr/bin/env node
/** The `keygate` executable: `node server/dist/cli/main.js <command>` (see program.ts). */
import { runCli } from "./program.js";

process.exitCode = await runCli(process.argv.slice(2));
