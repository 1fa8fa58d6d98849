// The sandbox as a training room: its clock starts at 09:00 of a working day whatever the real time,
// and "+1 天" runs the day's jobs in their order (the close-out at 17:30, the handover at 08:00).
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { sandboxMorning, startSandbox } from "../../src/sandbox/sandbox.ts";
import { formatLocal } from "../../src/domain/time.ts";
import { TEST_DB } from "../helpers/db-settings.ts";

const sh = (local: string) => new Date(`${local}+08:00`);
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
let sandbox: Awaited<ReturnType<typeof startSandbox>> | undefined;
afterAll(async () => { await sandbox?.close(); });

describe("the sandbox's clock", () => {
  it("starts at 09:00 of today or the next working day in the demo property's zone", () => {
    expect(sandboxMorning(sh("2026-11-23T18:31:00"))).toEqual(sh("2026-11-23T09:00:00")); // Monday evening
    expect(sandboxMorning(sh("2026-11-28T18:31:00"))).toEqual(sh("2026-11-30T09:00:00")); // Saturday
    expect(sandboxMorning(sh("2026-10-01T07:00:00"))).toEqual(sh("2026-10-08T09:00:00")); // after National Day
  });

  it.skipIf(TEST_DB === "postgresql")("runs a day's jobs in order on +1 天: close-out, then the handover", async () => {
    mkdirSync(".tmp", { recursive: true });
    sandbox = await startSandbox({ databaseUrl: `file:.tmp/sandbox-${randomBytes(4).toString("hex")}.db`, log: quiet });
    expect(formatLocal(sandbox.clock(), "Asia/Shanghai").slice(11)).toBe("09:00");
    await sandbox.advance(1440);
    const sent = async (key: string) => (await sandbox!.database.db.outbox.findFirstOrThrow({ where: { key } })).createdAt;
    const [closeOut, handover] = [await sent("closeout-report"), await sent("handover-digest")];
    expect(formatLocal(closeOut, "Asia/Shanghai").slice(11)).toBe("17:30");
    expect(formatLocal(handover, "Asia/Shanghai").slice(11)).toBe("08:00");
    expect(closeOut < handover).toBe(true);
  }, 60_000);
});
