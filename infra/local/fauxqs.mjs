// Starts fauxqs (SQS emulator) on FAUXQS_PORT.
// The package's own dist/cli.js calls startFauxqs({ logger: true }), which overrides FAUXQS_LOGGER,
// so every request would be logged; this entry point honours FAUXQS_LOGGER (default: off).
import { startFauxqs } from "fauxqs";

const port = Number.parseInt(process.env.FAUXQS_PORT ?? "", 10);
if (!Number.isInteger(port) || port <= 0) {
  console.error("fauxqs.mjs: set FAUXQS_PORT to the port to listen on");
  process.exit(2);
}

const server = await startFauxqs({ port, logger: process.env.FAUXQS_LOGGER === "true" });
console.log(`fauxqs listening on port ${server.port}`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => process.exit(0));
}
