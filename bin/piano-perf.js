#!/usr/bin/env node
// Entry of the headless command; the code is bundled into lib/ by `npm install` (prepare).
require("../lib/cli.cjs");
