// GET /healthz in webhook mode, for the process manager or load balancer: 200 when the database
// answers, 503 when it does not; with who holds the outbox sender lease and when the last update came.
import type { Database } from "../db/client.ts";
import { pingDatabase } from "../db/health.ts";
import { leaseHolder } from "../domain/lease.ts";
import { LEASE } from "../bot/outbox-sender.ts";

export type HealthDeps = {
  database: Database;
  clock: () => Date;
  /** This process's outbox sender id. */
  senderHolder: string;
  lastUpdateAt: () => Date | null;
};

export type Health = {
  status: "ok" | "unhealthy";
  database: "ok" | "unreachable";
  /** The sender lease: its holder, whether that is this process, and whether it is still held. */
  sender: { holder: string; thisProcess: boolean; held: boolean; until: string } | null;
  lastUpdateAt: string | null;
};

export async function checkHealth(deps: HealthDeps): Promise<Health> {
  const up = await pingDatabase(deps.database.db);
  const lease = up ? await leaseHolder(deps.database.db, LEASE).catch(() => null) : null;
  const now = deps.clock();
  return {
    status: up ? "ok" : "unhealthy",
    database: up ? "ok" : "unreachable",
    sender: lease && {
      holder: lease.holder,
      thisProcess: lease.holder === deps.senderHolder,
      held: lease.until > now,
      until: lease.until.toISOString(),
    },
    lastUpdateAt: deps.lastUpdateAt()?.toISOString() ?? null,
  };
}
