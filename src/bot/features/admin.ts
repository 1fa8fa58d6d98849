// Admin: properties, units (command or CSV upload), owner codes, staff invites, people, revoke.
// Every command is a thin call into src/domain, which checks the role again.
import { Composer } from "grammy";
import { createOwnerCode, createStaffInvite } from "../../domain/invites.ts";
import { listPeople, revokeRole, type PersonLine } from "../../domain/people.ts";
import { skillsOf } from "../../domain/staff.ts";
import { addUnit, createProperty, findProperty, findUnit, importUnits, listProperties, propertySettings, propertyUnits, SETTINGS, updatePropertySetting } from "../../domain/properties.ts";
import { alignRows } from "../../domain/text-table.ts";
import { formatLocal } from "../../domain/time.ts";
import { CATEGORIES, STAFF_ROLES } from "../../domain/types.ts";
import { replyLong } from "../long-text.ts";
import { DOWNLOAD_KEYS, downloadText } from "../download.ts";
import type { BotContext } from "../context.ts";
import { skillsParam } from "./start.ts";
import { errorKey } from "../errors.ts";
import { linkedGroupTitle } from "../../domain/tickets/group-link.ts";

export const adminFeature = new Composer<BotContext>();
const chat = adminFeature.chatType("private");

const has = (ctx: BotContext, ...roles: string[]) => Boolean(ctx.person?.roles.some((r) => roles.includes(r.role)));
const args = (ctx: { match: string }) => ctx.match.trim().split(/\s+/).filter(Boolean);
const MAX_CSV_BYTES = 1_000_000;
const MAX_TABLE_ROWS = 60;

/** A title and a table in one message, the table in a monospace block so the columns line up. */
function replyTable(ctx: BotContext, title: string, table: string, footer = "") {
  return replyLong(ctx, [{ text: title }, { text: table, monospace: true }, { text: footer }]);
}

async function propertyArg(ctx: BotContext, code: string | undefined) {
  const property = code ? await findProperty(ctx.deps.database.db, code) : null;
  if (!property) await ctx.reply(ctx.t("admin-no-property", { code: code ?? "-" }));
  return property;
}

const inviteLink = (ctx: BotContext, code: string) => `https://t.me/${ctx.me.username}?start=${code}`;

// Admin-only commands: others get one polite line, not silence.
const ADMIN_COMMANDS = ["newproperty", "addunit", "units", "import", "invite", "people", "revoke", "settings"];
chat.command(ADMIN_COMMANDS, async (ctx, next) => (has(ctx, "admin") ? next() : ctx.reply(ctx.t("admin-only"))));
chat.command("ownercode", async (ctx, next) => (has(ctx, "admin", "desk") ? next() : ctx.reply(ctx.t("admin-only"))));

// Before the commands: a CSV captioned "/units CODE" is an import, not a listing.
chat.on("message:document", async (ctx, next) => {
  if (!has(ctx, "admin")) return next();
  if (!/^\/(import|units)\b/.test(ctx.message.caption ?? "")) return ctx.reply(ctx.t("admin-import-usage"));
  await importCsv(ctx);
});

chat.command("newproperty", async (ctx) => {
  const [code, ...rest] = args(ctx);
  const tz = rest.length > 1 && /^[A-Za-z_]+\/[A-Za-z_/+-]+$/.test(rest.at(-1)!) ? rest.pop() : undefined;
  if (!code || rest.length === 0) return ctx.reply(ctx.t("admin-newproperty-usage"));
  // a property without its own zone takes TZ, and its office hours OFFICE_HOURS (README, configuration)
  const { timezone, officeStart, officeEnd } = ctx.deps.config;
  const input = { code, name: rest.join(" "), timezone: tz ?? timezone, officeStart, officeEnd };
  const res = await createProperty(ctx.deps.database.db, ctx.person!.id, input, ctx.deps.clock());
  if (!res.ok) return ctx.reply(res.error === "INVALID_INPUT" ? ctx.t("admin-newproperty-usage") : ctx.t(errorKey(res.error)));
  await ctx.reply(ctx.t("admin-property-created", { code: res.value.code, name: res.value.name }));
});

chat.command("addunit", async (ctx) => {
  const [code, ...labels] = args(ctx);
  if (!code || labels.length === 0) return ctx.reply(ctx.t("admin-addunit-usage"));
  const property = await propertyArg(ctx, code);
  if (!property) return;
  const lines: string[] = [];
  for (const label of labels.slice(0, 50)) {
    const res = await addUnit(ctx.deps.database.db, ctx.person!.id, property.id, label, ctx.deps.clock());
    lines.push(res.ok ? ctx.t("admin-unit-added", { label: res.value.label }) : `${label}: ${ctx.t(res.error === "INVALID_INPUT" ? "admin-unit-invalid" : errorKey(res.error))}`);
  }
  await ctx.reply(`${property.name}\n${lines.join("\n")}\n\n${ctx.t("admin-next-ownercode", { code: property.code })}`);
});

chat.command("units", async (ctx) => {
  const [code] = args(ctx);
  const db = ctx.deps.database.db;
  if (!code) {
    const props = await listProperties(db);
    if (props.length === 0) return ctx.reply(ctx.t("admin-no-properties"));
    const rows = [[ctx.t("admin-col-code"), ctx.t("admin-col-name"), ctx.t("admin-col-units")], ...props.map((p) => [p.code, p.name, String(p.units)])];
    return replyTable(ctx, ctx.t("admin-properties-title"), alignRows(rows), ctx.t("admin-units-hint"));
  }
  const property = await propertyArg(ctx, code);
  if (!property) return;
  const units = await propertyUnits(db, property.id);
  if (units.length === 0) return ctx.reply(ctx.t("admin-no-units", { code: property.code }));
  const rows = [[ctx.t("admin-col-unit"), ctx.t("admin-col-owners")], ...units.slice(0, MAX_TABLE_ROWS).map((u) => [u.label, String(u.members)])];
  await replyTable(ctx, ctx.t("admin-units-title", { name: property.name, count: units.length }), alignRows(rows, units.length - MAX_TABLE_ROWS), ctx.t("admin-units-hint"));
});

/** A CSV document with the caption "/import CODE" (or "/units CODE"). */
async function importCsv(ctx: BotContext) {
  const doc = ctx.message?.document;
  const [code] = (ctx.message?.caption ?? "").replace(/^\/\w+(@\w+)?/, "").trim().split(/\s+/);
  if (!doc) return ctx.reply(ctx.t("admin-import-usage"));
  const property = await propertyArg(ctx, code || undefined);
  if (!property) return;
  if ((doc.file_size ?? 0) > MAX_CSV_BYTES) return ctx.reply(ctx.t("admin-import-too-big"));
  const progress = await ctx.reply(ctx.t("admin-import-started", { name: doc.file_name ?? "csv" }));
  const file = await downloadText(ctx, MAX_CSV_BYTES);
  if (!file.ok) return ctx.api.editMessageText(ctx.chat!.id, progress.message_id, ctx.t(DOWNLOAD_KEYS[file.reason]));
  const res = await importUnits(ctx.deps.database, ctx.person!.id, property.id, file.text, ctx.deps.clock());
  if (!res.ok) return ctx.api.editMessageText(ctx.chat!.id, progress.message_id, ctx.t(res.error === "INVALID_INPUT" ? "admin-import-too-big" : errorKey(res.error)));
  const { added, existing, problems } = res.value;
  const shown = problems.slice(0, 20).map((p) => ctx.t("admin-import-problem", { line: p.line, text: p.text, reason: p.reason }));
  const more = problems.length > shown.length ? `\n… +${problems.length - shown.length}` : "";
  await ctx.api.editMessageText(ctx.chat!.id, progress.message_id,
    ctx.t("admin-import-done", { name: property.name, added, existing, problems: problems.length }) + (shown.length ? `\n\n${shown.join("\n")}${more}` : ""));
}

chat.command("import", (ctx) => importCsv(ctx));

chat.command("ownercode", async (ctx) => {
  const [code, label] = args(ctx);
  if (!code || !label) return ctx.reply(ctx.t("admin-ownercode-usage"));
  const property = await propertyArg(ctx, code);
  if (!property) return;
  const unit = await findUnit(ctx.deps.database.db, property.id, label);
  if (!unit) return ctx.reply(ctx.t("admin-no-unit", { code: property.code, label }));
  const res = await createOwnerCode(ctx.deps.database.db, ctx.person!.id, unit.id, ctx.deps.clock());
  if (!res.ok) return ctx.reply(ctx.t(errorKey(res.error)));
  const v = res.value;
  await ctx.reply(ctx.t("admin-ownercode-issued", {
    property: v.propertyName, unit: v.unitLabel, code: v.code, link: inviteLink(ctx, v.code),
    expires: formatLocal(v.expiresAt, property.timezone ?? ctx.deps.config.timezone),
  }));
});

chat.command("invite", async (ctx) => {
  const [code, role, skills] = args(ctx);
  if (!code || !role || !(STAFF_ROLES as readonly string[]).includes(role)) {
    return ctx.reply(ctx.t("admin-invite-usage", { roles: STAFF_ROLES.join(", "), skills: CATEGORIES.join(",") }));
  }
  const property = await propertyArg(ctx, code);
  if (!property) return;
  const list = skillsOf(skills ?? "");
  const res = await createStaffInvite(ctx.deps.database.db, ctx.person!.id, property.id, role, list, ctx.deps.clock());
  if (!res.ok) {
    return ctx.reply(res.error === "INVALID_INPUT" ? ctx.t("admin-invite-usage", { roles: STAFF_ROLES.join(", "), skills: CATEGORIES.join(",") }) : ctx.t(errorKey(res.error)));
  }
  const v = res.value;
  await ctx.reply(ctx.t("admin-invite-issued", {
    property: v.propertyName, role: v.role, skills: skillsParam(ctx, v.role, v.skills),
    code: v.code, link: inviteLink(ctx, v.code), expires: formatLocal(v.expiresAt, property.timezone ?? ctx.deps.config.timezone),
  }));
});

/** "维修人员 BX（给排水、电路）": roles in words, not `technician@BX(water)`. */
const rolesText = (ctx: BotContext, roles: PersonLine["roles"]) => {
  const list = (items: string[]) => items.join(ctx.t("list-separator"));
  const line = (r: PersonLine["roles"][number]) => ctx.t("admin-role-line", {
    role: r.role, property: r.property || "all", skills: list(r.skills.map((c) => ctx.t("category-label", { category: c }))) || "none",
  });
  return list(roles.map(line)) || "-";
};

chat.command("people", async (ctx) => {
  const [code] = args(ctx);
  const property = code ? await propertyArg(ctx, code) : undefined;
  if (property === null) return;
  const people = await listPeople(ctx.deps.database.db, property?.id);
  if (people.length === 0) return ctx.reply(ctx.t("admin-no-people"));
  const rows = [
    [ctx.t("admin-col-id"), ctx.t("admin-col-name"), ctx.t("admin-col-roles"), ctx.t("admin-col-homes"), ctx.t("admin-col-reach")],
    ...people.slice(0, MAX_TABLE_ROWS).map((p) => [
      String(p.id), p.name.slice(0, 16), rolesText(ctx, p.roles), p.units.join(" ") || "-", p.reachable ? "✓" : "✗",
    ]),
  ];
  await replyTable(ctx, ctx.t("admin-people-title", { count: people.length }), alignRows(rows, people.length - MAX_TABLE_ROWS), ctx.t("admin-revoke-usage"));
});

chat.command("revoke", async (ctx) => {
  const [id, role, code] = args(ctx);
  if (!id || !/^\d+$/.test(id) || !role) return ctx.reply(ctx.t("admin-revoke-usage"));
  const property = code ? await propertyArg(ctx, code) : undefined;
  if (property === null) return;
  const res = await revokeRole(ctx.deps.database, ctx.person!.id, Number(id), role, ctx.deps.clock(), property?.id);
  if (!res.ok) return ctx.reply(res.error === "NOT_FOUND" ? ctx.t("admin-revoke-none") : res.error === "INVALID_INPUT" ? ctx.t("admin-revoke-usage") : ctx.t(errorKey(res.error)));
  const { revoked, jobs, offers } = res.value;
  const released = jobs + offers > 0 ? `\n${ctx.t("admin-revoked-released", { jobs, offers })}` : "";
  await ctx.reply(ctx.t("admin-revoked", { id, role, count: revoked }) + released);
});

/** "/settings BX" shows a property's clock; "/settings BX callbackDelayMin 90" changes one value. */
chat.command("settings", async (ctx) => {
  const [code, key, ...rest] = args(ctx);
  const property = await propertyArg(ctx, code);
  if (!property) return;
  const db = ctx.deps.database.db;
  if (key) {
    const res = await updatePropertySetting(db, ctx.person!.id, property.id, key, rest.join(" "), ctx.deps.clock());
    if (!res.ok) return ctx.reply(res.error === "INVALID_INPUT" ? ctx.t("admin-setting-invalid", { key, keys: Object.keys(SETTINGS).join(", ") }) : ctx.t(errorKey(res.error)));
    const changed = ctx.t("admin-setting-changed", { code: property.code, key: res.value.key, old: res.value.old || "-", value: res.value.value || "-" });
    await replyLong(ctx, [{ text: changed }]);
    return;
  }
  const settings = (await propertySettings(db, property.id))!;
  const rows = Object.entries(settings).map(([k, v]) => [k, v || (k === "timezone" ? ctx.deps.config.timezone : "-"), ctx.t(`setting-${k}`)]);
  rows.push(["dispatchGroup", (await linkedGroupTitle(db, property.id)) || "-", ctx.t("setting-dispatchGroup")]);
  await replyTable(ctx, ctx.t("admin-settings-title", { name: property.name }), alignRows(rows), ctx.t("admin-settings-usage", { code: property.code }));
});
