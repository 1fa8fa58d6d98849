// npm run sandbox: the whole desk on one machine, no token, no setup. Opens nothing by itself:
// it prints the page's address (127.0.0.1 only). SANDBOX_PORT chooses the port (default 8080).
import { createLogger } from "../log.ts";
import { startSandbox } from "./sandbox.ts";

const log = createLogger((process.env.LOG_LEVEL as "info" | undefined) ?? "warn");
const port = Number(process.env.SANDBOX_PORT ?? 8080);
const started = startSandbox({ databaseUrl: "file:./data/sandbox.db", port, log });
const sandbox = await started.catch((e: NodeJS.ErrnoException) => {
  const why = e.code === "EADDRINUSE" ? `port ${port} is in use (choose another with SANDBOX_PORT=8081)` : e.message;
  process.stderr.write(`Sandbox could not start: ${why}\n`);
  return process.exit(1);
});
process.stdout.write(`Sandbox ready: open ${sandbox.url}\n`);
process.stdout.write("(a fresh demo property in data/sandbox.db; Ctrl+C stops it)\n");

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await sandbox.close();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown());
process.once("SIGTERM", () => void shutdown());
