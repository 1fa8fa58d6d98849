// When office hours, the close-out time or the time zone change, every scheduled digest keeps the
// day (or week, or month) it was next due for and moves to the new local time: nothing already sent
// is sent again, and the first ones after a zone change come at the new local time.
import { localInstant, minutesOf, zoneOf } from "../schedule.ts";
import { zonedParts } from "../time.ts";

type Hours = { timezone: string | null; officeStart: string; closeOutAt: string };
export type DigestDue = "nextCloseOutDueAt" | "nextHandoverDueAt" | "nextWeeklyDueAt" | "nextMonthlyDueAt";
type Digests = Hours & Record<DigestDue, Date | null>;

/** Each digest's due column and the local time of day it is sent at. */
const DIGESTS: { due: DigestDue; at: (p: Hours) => string }[] = [
  { due: "nextCloseOutDueAt", at: (p) => p.closeOutAt },
  { due: "nextHandoverDueAt", at: (p) => p.officeStart },
  { due: "nextWeeklyDueAt", at: (p) => p.officeStart },
  { due: "nextMonthlyDueAt", at: (p) => p.officeStart },
];

/** The digests' next due times once `before`'s hours or zone become `after`'s (only those that move). */
export function movedDigests(before: Digests, after: Hours): Partial<Record<DigestDue, Date>> {
  const moved: Partial<Record<DigestDue, Date>> = {};
  const [fromTz, toTz] = [zoneOf(before), zoneOf(after)];
  for (const d of DIGESTS) {
    const due = before[d.due];
    if (!due || (d.at(before) === d.at(after) && fromTz === toTz)) continue;
    const shift = minutesOf(d.at(after)) - minutesOf(d.at(before));
    moved[d.due] = fromTz === toTz
      ? new Date(due.getTime() + shift * 60_000)
      : localInstant(zonedParts(due, fromTz), minutesOf(d.at(after)), toTz);
  }
  return moved;
}
