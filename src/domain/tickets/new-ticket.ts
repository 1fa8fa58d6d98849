// What a new ticket is, whichever path files it (the owner's short path in file-report.ts, createTicket's
// long one in report.ts): the report it comes from, its row's fields, its number, its "reported" event.
// A change to a new ticket's fields is made here once.
import { addMinutes, zonedParts } from "../time.ts";
import { zoneOf } from "../schedule.ts";
import { parseTypedTime } from "../typed-time.ts";
import { completionClock, completionDeadline, dispatchMinutes, reminderHours } from "./deadline.ts";

export const TIME_WINDOWS = ["asap", "today_pm", "tomorrow_am", "tomorrow_pm"] as const;

/** How a report reached us: the owner's chat, or staff registering a call, a visit, a patrol. */
export const CHANNELS = ["chat", "phone", "counter", "patrol"] as const;
export type Channel = (typeof CHANNELS)[number];

export type ReportInput = {
  reporterId: number;
  unitId: number | null;
  /** For public areas: the property and a location text. */
  propertyId?: number;
  location?: string;
  category: string;
  description: string;
  emergency: boolean;
  access: string;
  preferredTime: string;
  phone: string;
  photos: string[];
  channel?: Channel;
  /** The staff member who registered a report taken by phone, at the counter or on patrol. */
  registeredById?: number;
  /** The flow instance submitting it: the same key again returns the ticket it made (see submitted). */
  submitKey?: string;
};

export type Reported = {
  ticketId: number; number: string; emergency: boolean; offeredTo: number;
  /** The number of the first report of the same public-area fault, when this report joined it. */
  incidentOf?: string;
  /** Filed before by the same flow (a second press, a resubmit after a lost reply): nothing new was made. */
  again?: boolean;
};

/**
 * The start of a chosen time window (14:00 / 09:00 local) or of a typed time that can be read
 * ("周六上午", "明天 9 点"); null for "as soon as possible" and for a typed time that cannot be read.
 */
export function appointmentFor(window: string, now: Date, tz: string): Date | null {
  const starts: Record<string, [number, number]> = { today_pm: [0, 14], tomorrow_am: [1, 9], tomorrow_pm: [1, 14] };
  const s = starts[window];
  if (!s) return window === "asap" ? null : parseTypedTime(window, now, tz);
  const p = zonedParts(now, tz);
  // local midnight of today: shift now back by its local time of day
  const midnight = new Date(now.getTime() - ((p.hour * 60 + p.minute) * 60 + p.second) * 1000 - now.getMilliseconds());
  const at = new Date(midnight.getTime() + (s[0] * 24 + s[1]) * 3_600_000);
  return at > now ? at : null;
}

/** What of the property a new ticket's fields depend on (its zone, calendar and clocks). */
export type PropertyLimits =
  Parameters<typeof completionDeadline>[0] & Parameters<typeof dispatchMinutes>[0] & { id: number };

/** The fields of a new ticket's row (all but its number and status, which is "open"), from a checked report. */
export function newTicketFields(input: ReportInput, property: PropertyLimits, now: Date) {
  // an emergency is not booked: someone comes now, whatever time was given
  const preferredTime = input.emergency ? "asap" : input.preferredTime;
  const priority = input.emergency ? "urgent" : "normal";
  const due = completionDeadline(property, priority, input.unitId === null, now);
  return {
    propertyId: property.id, unitId: input.unitId, location: input.location?.trim() || null,
    reporterId: input.reporterId, category: input.category, description: input.description, emergency: input.emergency,
    access: input.access, preferredTime, appointmentAt: appointmentFor(preferredTime, now, zoneOf(property)),
    phone: input.phone, channel: input.channel ?? "chat", registeredById: input.registeredById ?? null,
    submitKey: input.submitKey ?? null, reportedAt: now, priority,
    ...completionClock(now, due, reminderHours(property, input.emergency)),
    // (Number: the short path reads the property as a raw row)
    dispatchDueAt: addMinutes(now, Number(dispatchMinutes(property, input.emergency))),
  };
}
export type NewTicketFields = ReturnType<typeof newTicketFields>;

/**
 * The ticket number: the property's code and the local day, then the day's count padded with zeros to
 * `width` digits (more when it has more, as String.padStart): "BX-20261123-0001". As parts, for the
 * short path's statement that counts in SQL (src/db/filing.ts).
 */
export const ticketNumberFormat = (code: string, day: string) => ({ prefix: `${code}-${day}-`, width: 4 });
export const ticketNumber = (code: string, day: string, last: number) => {
  const { prefix, width } = ticketNumberFormat(code, day);
  return prefix + String(last).padStart(width, "0");
};

/** A typed time nobody can read (not an emergency): the desk agrees one with the owner. */
export const timeToAgree = (t: Pick<NewTicketFields, "appointmentAt" | "emergency" | "preferredTime">) =>
  !t.appointmentAt && !t.emergency && !(TIME_WINDOWS as readonly string[]).includes(t.preferredTime);

/** The "reported" event of a new ticket; its actor is who pressed (the desk registering a report, not the owner). */
export function reportedEvent(input: ReportInput, number: string, now: Date) {
  const registered = input.registeredById && input.registeredById !== input.reporterId ? { for: input.reporterId } : {};
  const { category, emergency } = input;
  return {
    actorId: input.registeredById ?? input.reporterId, action: "reported" as const, at: now,
    data: { number, category, emergency, photos: input.photos.length, ...registered },
  };
}

