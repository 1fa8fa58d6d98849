// A named lease: one holder at a time, renewed while it works, taken over when it lapses
// (a crashed holder). Claimed with a conditional update, so it is safe across processes.
import type { DbOrTx } from "../db/client.ts";
import { isUniqueViolation } from "../db/client.ts";

/** Takes or renews the lease; false when another holder's lease has not lapsed yet. */
export async function acquireLease(db: DbOrTx, name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const until = new Date(now.getTime() + ttlMs);
  const taken = await db.lease.updateMany({ where: { name, OR: [{ holder }, { until: { lt: now } }] }, data: { holder, until } });
  if (taken.count === 1) return true;
  try {
    await db.lease.create({ data: { name, holder, until } });
    return true;
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

/** Gives the lease up at once (a clean stop), so another process takes over without waiting. */
export async function releaseLease(db: DbOrTx, name: string, holder: string, now: Date): Promise<void> {
  await db.lease.updateMany({ where: { name, holder }, data: { until: now } });
}

/** Who holds the lease and until when (null when nobody ever took it). */
export async function leaseHolder(db: DbOrTx, name: string): Promise<{ holder: string; until: Date } | null> {
  return db.lease.findUnique({ where: { name }, select: { holder: true, until: true } });
}
