// Who hears about a quote, and with what: the owner's copy with the table, the total and the
// Approve / Decline buttons; the supervisor's copy to review; the office and the technician.
// Tables are built per recipient, in their language (item names), as plain aligned rows.
import type { Tx } from "../../db/client.ts";
import { notify } from "../notify.ts";
import { staffOf } from "../staff.ts";
import { placeOf } from "../tickets/view.ts";
import type { ButtonIntent } from "../types.ts";
import { ownersOf } from "./access.ts";
import { formatFen } from "./money.ts";
import { agreementFenOf, quoteTable } from "./quote-lines.ts";

const load = (tx: Tx, quoteId: number) =>
  tx.quote.findUniqueOrThrow({ where: { id: quoteId }, include: { lines: { orderBy: { id: "asc" } } } });
type Loaded = Awaited<ReturnType<typeof load>>;

async function baseParams(tx: Tx, q: Loaded) {
  const include = { unit: true, property: true, assignee: true, reporter: true } as const;
  const t = await tx.ticket.findUniqueOrThrow({ where: { id: q.ticketId }, include });
  return {
    ticket: t,
    params: {
      number: t.number, place: placeOf(t), version: q.version, total: formatFen(q.totalFen),
      agreement: q.needsAgreement ? "yes" : "no", own: q.lines.some((l) => l.ownerSupplied) ? "yes" : "no",
      threshold: formatFen(agreementFenOf(t.property)),
      technician: t.assignee?.name ?? "-", owner: t.reporter.name, phone: t.phone || "-",
    } as Record<string, string | number>,
  };
}

const languages = async (tx: Tx, ids: number[]) =>
  new Map((await tx.person.findMany({ where: { id: { in: ids } }, select: { id: true, language: true } }))
    .map((p) => [p.id, p.language]));

const decisionButtons = (quoteId: number, action: string): ButtonIntent[][] => [
  [{ label: "btn-quote-cash", action, id: quoteId, arg: "cash" }],
  [{ label: "btn-quote-transfer", action, id: quoteId, arg: "transfer" }],
  [{ label: "btn-quote-bill", action, id: quoteId, arg: "bill" }],
  [action === "qpay"
    ? { label: "btn-quote-decline", action: "qdecl", id: quoteId }
    : { label: "btn-quote-decline", action, id: quoteId, arg: "decline" }],
];

/** Sends a quote to the home's owners; when none can be reached in chat, the desk is asked to phone. */
export async function sendToOwners(tx: Tx, quoteId: number, now: Date): Promise<number> {
  const q = await load(tx, quoteId);
  const { ticket, params } = await baseParams(tx, q);
  const owners = await ownersOf(tx, ticket);
  const lang = await languages(tx, owners);
  let reached = 0;
  for (const id of owners) {
    const sent = await notify(tx, now, id, {
      key: "paid-quote-owner", params: { ...params, table: quoteTable(q.lines, lang.get(id) ?? "zh-CN") },
      buttons: decisionButtons(q.id, "qpay"), ref: `quote:${q.id}`,
    });
    if (sent) reached++;
  }
  if (reached === 0) await tellStaff(tx, quoteId, "desk", "paid-quote-phone", now);
  return reached;
}

/**
 * Tells staff about a quote: `supervisor` (to review, with buttons), `creator` (the technician who
 * made it), `desk` (to take the owner's answer by phone, with buttons), `work` (the technician,
 * the maker and the desk: the owner's answer), `technician` (the maker and the technician),
 * `office` (the desk, no buttons: a task).
 */
export async function tellStaff(
  tx: Tx, quoteId: number, who: "supervisor" | "creator" | "desk" | "work" | "technician" | "office",
  key: string, now: Date,
  extra: Record<string, string> = {},
): Promise<void> {
  const q = await load(tx, quoteId);
  const { ticket, params } = await baseParams(tx, q);
  const ids = who === "supervisor" ? await staffOf(tx, q.propertyId, "supervisor")
    : who === "creator" ? [q.createdById]
    : who === "desk" || who === "office" ? await staffOf(tx, q.propertyId, "desk")
    : who === "technician" ? [q.createdById, ...(ticket.assigneeId ? [ticket.assigneeId] : [])]
    : [q.createdById, ...(ticket.assigneeId ? [ticket.assigneeId] : []), ...(await staffOf(tx, q.propertyId, "desk"))];
  const buttons = who === "supervisor"
    ? [[{ label: "btn-review-approve", action: "qok", id: q.id }, { label: "btn-review-reject", action: "qno", id: q.id }]]
    : who === "desk" ? decisionButtons(q.id, "qtel") : [];
  const lang = await languages(tx, ids);
  for (const id of new Set(ids)) {
    const table = quoteTable(q.lines, lang.get(id) ?? "zh-CN", { review: true });
    await notify(tx, now, id, { key, params: { ...params, ...extra, table }, buttons });
  }
}
