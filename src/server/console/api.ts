// The console's JSON API. Every handler is a domain call and a translation, as the chat's handlers
// are: the same functions (queueOf's groups, registerStaffReport, assignTo, returnToPool, …) decide
// and write the same events; here only the request is read and the answer worded.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createHash } from "node:crypto";
import type { Api } from "grammy";
import { translator, type Translate } from "../../bot/i18n.ts";
import { errorKey } from "../../bot/errors.ts";
import { chartPng } from "../../bot/report-chart.ts";
import { chartLabels, figureRows, technicianRows } from "../../bot/report-view.ts";
import type { Database } from "../../db/client.ts";
import {
  consoleExport, consoleProperty, consoleReport, figuresAt, type ConsoleViewer,
} from "../../domain/console-access.ts";
import {
  assignComplaint, classifyComplaint, complaintHandlers, listOpenComplaints,
} from "../../domain/complaint-desk.ts";
import { answerComplaint, COMPLAINT_CATEGORIES } from "../../domain/complaints.ts";
import { exportCsv } from "../../bot/export-csv.ts";
import { deskQueue, deskQueueStamp } from "../../domain/tickets/desk-queue.ts";
import { PRIORITIES } from "../../domain/tickets/deadline.ts";
import { findHomes, intakeStart, STAFF_CHANNELS } from "../../domain/tickets/intake.ts";
import { isQueueGroup } from "../../domain/tickets/queue.ts";
import { ACCESS } from "../../domain/tickets/report.ts";
import { TIME_WINDOWS } from "../../domain/tickets/new-ticket.ts";
import { CATEGORIES, type Result } from "../../domain/types.ts";
import { consoleTexts } from "./texts.ts";
import { sendJson, send } from "./http.ts";
import { fileIntake } from "./intake.ts";
import { ticketAction, ticketPage } from "./ticket.ts";

export type ApiDeps = { database: Database; clock: () => Date; defaultTz?: string; api?: Api };
export type Call = {
  viewer: ConsoleViewer; telegramId: number; t: Translate; url: URL; req: IncomingMessage; res: ServerResponse;
  body: (limit?: number) => Promise<Record<string, unknown>>;
};

const num = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : NaN);

/** A domain refusal as a sentence in the viewer's language (404 / 403 / 409 / 400). */
export function refuse(c: Call, code: string) {
  const status = code === "NOT_FOUND" ? 404 : code === "FORBIDDEN" ? 403 : code === "INVALID_INPUT" ? 400 : 409;
  return sendJson(c.res, status, { error: code, message: c.t(errorKey(code)) });
}
/** A field the form must fix, as a sentence. */
export const invalid = (c: Call, field: string) =>
  sendJson(c.res, 400, { error: "INVALID_INPUT", field, message: c.t(`console-invalid-${field}`) });

const answer = <T>(c: Call, r: Result<T>, ok: (v: T) => unknown) =>
  (r.ok ? sendJson(c.res, 200, ok(r.value)) : refuse(c, r.error));

/** The property asked for, if the viewer works there, else their first (the domain checks again). */
export const propertyOf = async (c: Call, deps: ApiDeps, asked: unknown = c.url.searchParams.get("property")) =>
  (await consoleProperty(deps.database.db, c.viewer, num(asked) || 0)) ?? 0;

async function me(c: Call, deps: ApiDeps) {
  const { viewer } = c;
  const office = await intakeStart(deps.database.db, viewer.personId);
  if (!office.ok) return refuse(c, office.error);
  const { properties } = office.value;
  const figures = await figuresAt(deps.database.db, viewer.personId, properties.map((p) => p.id));
  sendJson(c.res, 200, {
    name: viewer.name, language: viewer.language, properties, figures,
    texts: consoleTexts(viewer.language), categories: CATEGORIES, priorities: PRIORITIES, access: ACCESS,
    times: TIME_WINDOWS, channels: STAFF_CHANNELS, complaintCategories: COMPLAINT_CATEGORIES,
  });
}

/**
 * The queue, with an ETag from deskQueueStamp, the minute and the filter: a 5 s poll that changed nothing
 * is answered 304 from two small statements, without building the list. The page shows minutes, so the
 * queue is worked out at the start of the minute.
 */
async function queue(c: Call, deps: ApiDeps) {
  const q = c.url.searchParams;
  const group = q.get("group") ?? "";
  const filter = {
    group: isQueueGroup(group) ? group : undefined, category: q.get("category") || undefined,
    technicianId: num(q.get("technician")) || undefined, priority: q.get("priority") || undefined,
    withTechnicians: q.get("technicians") === "1",
  };
  const { db } = deps.database;
  const propertyId = await propertyOf(c, deps);
  const now = new Date(Math.floor(deps.clock().getTime() / 60_000) * 60_000);
  // the technicians' list (asked once per property) is not in the stamp: that answer always has a body
  const stamp = filter.withTechnicians ? null : await deskQueueStamp(db, c.viewer.personId, propertyId);
  const key = stamp?.ok ? [propertyId, now.toISOString(), JSON.stringify(filter), stamp.value].join("|") : "";
  const tag = (s: string) => `"${createHash("sha1").update(s).digest("base64url")}"`;
  if (key && c.req.headers["if-none-match"] === tag(key)) {
    c.res.writeHead(304, { etag: tag(key), "cache-control": "no-store" });
    return void c.res.end();
  }
  const r = await deskQueue(db, c.viewer.personId, propertyId, filter, now);
  if (!r.ok) return refuse(c, r.error);
  const body = JSON.stringify(r.value);
  send(c.res, 200, body, "application/json; charset=utf-8", { etag: tag(key || body) });
}

async function homes(c: Call, deps: ApiDeps) {
  const query = c.url.searchParams.get("q") ?? "";
  const r = await findHomes(deps.database.db, c.viewer.personId, await propertyOf(c, deps), query);
  if (!r.ok && r.error === "INVALID_INPUT") return sendJson(c.res, 200, { homes: [] });
  answer(c, r, (homes) => ({ homes }));
}

async function complaints(c: Call, deps: ApiDeps) {
  const r = await listOpenComplaints(deps.database.db, c.viewer.personId, deps.clock(), 50);
  if (!r.ok) return refuse(c, r.error);
  const lines = [];
  for (const l of r.value) lines.push({ ...l, handlers: await complaintHandlers(deps.database.db, l.id) });
  sendJson(c.res, 200, { complaints: lines });
}

async function complaintAction(c: Call, deps: ApiDeps, id: number, kind: string) {
  const b = await c.body();
  const actor = { complaintId: id, actorId: c.viewer.personId };
  const now = deps.clock();
  const done = { message: c.t("console-done") };
  if (kind === "classify") {
    const input = { ...actor, category: String(b.category ?? ""), urgent: b.urgent === true, valid: b.valid !== false };
    return answer(c, await classifyComplaint(deps.database, input, now), () => done);
  }
  if (kind === "handler") {
    if (!num(b.handlerId)) return invalid(c, "technician");
    return answer(c, await assignComplaint(deps.database, { ...actor, handlerId: num(b.handlerId) }, now), () => done);
  }
  const result = String(b.result ?? "").trim();
  if (!result || result.length > 500) return invalid(c, "reason");
  const valid = typeof b.valid === "boolean" ? b.valid : undefined;
  return answer(c, await answerComplaint(deps.database, { ...actor, result, valid }, now), () => done);
}

async function figures(c: Call, deps: ApiDeps) {
  const { db } = deps.database;
  const period = c.url.searchParams.get("period") ?? "";
  const r = await consoleReport(db, c.viewer.personId, await propertyOf(c, deps), period, deps.clock(), deps.defaultTz);
  const script = c.viewer.language === "zh-TW" ? "tc" : "sc";
  answer(c, r, (report) => ({
    title: c.t("report-title", { name: report.name, code: report.code, period: report.period.label }),
    figures: figureRows(report, c.t), technicians: technicianRows(report.technicians, c.t),
    chart: `data:image/png;base64,${chartPng(report.daily, chartLabels(report, c.t), script).toString("base64")}`,
    month: report.period.label.slice(0, 7),
  }));
}

async function figuresCsv(c: Call, deps: ApiDeps) {
  const month = c.url.searchParams.get("month") ?? "";
  const propertyId = await propertyOf(c, deps);
  const r = await consoleExport(deps.database.db, c.viewer.personId, propertyId, month, deps.clock(), deps.defaultTz);
  if (!r.ok) return refuse(c, r.error);
  send(c.res, 200, exportCsv(r.value.records, c.t), "text/csv; charset=utf-8", {
    "content-disposition": `attachment; filename="${r.value.code}-${r.value.label}.csv"`,
  });
}

/** Routes one authenticated API call (path after ".../api/"); false when no route matches. */
export async function routeApi(c: Call, deps: ApiDeps, path: string): Promise<boolean> {
  const get = c.req.method === "GET";
  const post = c.req.method === "POST";
  const ticket = /^tickets\/(\d+)(?:\/([a-z-]+))?$/.exec(path);
  const complaint = /^complaints\/(\d+)\/(classify|handler|result)$/.exec(path);
  if (get && path === "me") await me(c, deps);
  else if (get && path === "queue") await queue(c, deps);
  else if (get && path === "homes") await homes(c, deps);
  else if (post && path === "intake") await fileIntake(c, deps);
  else if (get && ticket && !ticket[2]) await ticketPage(c, deps, Number(ticket[1]));
  else if (post && ticket?.[2]) await ticketAction(c, deps, Number(ticket[1]), ticket[2]);
  else if (get && path === "complaints") await complaints(c, deps);
  else if (post && complaint) await complaintAction(c, deps, Number(complaint[1]), complaint[2]!);
  else if (get && path === "figures") await figures(c, deps);
  else if (get && path === "figures.csv") await figuresCsv(c, deps);
  else return false;
  return true;
}
