// /start (with an invite code from a deep link), /join CODE, /language, /help.
import { Composer, InlineKeyboard } from "grammy";
import { redeemInvite } from "../../domain/invites.ts";
import { getPerson, setLanguage } from "../../domain/people.ts";
import { commandsOf, HELP_SECTIONS, setPersonCommands } from "../commands.ts";
import { setConsoleMenu } from "../console-menu.ts";
import { isLanguage, LANGUAGES } from "../../domain/types.ts";
import { callbackFor, packCallback, parseCallback } from "../callback-data.ts";
import { errorKey } from "../errors.ts";
import type { BotContext } from "../context.ts";
import { translator } from "../i18n.ts";
import { STAFF_PHONE, type FlowArgs } from "../conversations/short-flows.ts";
import { enterFlow } from "../conversations/enter.ts";

export const startFeature = new Composer<BotContext>();
const chat = startFeature.chatType("private");

const languageKeyboard = () => InlineKeyboard.from([LANGUAGES.map((l) => InlineKeyboard.text(translator(l)("language-name"), packCallback("lang", 0, l)))]);

/** /help: the commands of each of the person's roles (table in commands.ts), each listed once. */
export function helpFor(ctx: BotContext): string {
  const roles = new Set<string>(ctx.person?.roles.map((r) => r.role));
  if (ctx.person?.unitIds.length) roles.add("owner");
  const parts: string[] = roles.size === 0 ? [ctx.t("help-not-joined")] : [];
  const listed = new Set<string>();
  for (const audience of HELP_SECTIONS.filter((a) => a === "everyone" || roles.has(a))) {
    const rows = commandsOf(audience).filter((c) => !listed.has(c.command));
    rows.forEach((c) => listed.add(c.command));
    const lines = rows.map((c) => `${c.icon ?? "•"} /${c.command} ${ctx.t(`cmd-${c.command}`)}`);
    if (lines.length > 0) parts.push([ctx.t("help-head", { audience }), ...lines].join("\n"));
  }
  return parts.join("\n\n");
}

/** A staff member's command menu follows their roles and language (best effort). */
async function refreshMenu(ctx: BotContext) {
  const person = await getPerson(ctx.deps.database.db, ctx.person!.id);
  if (person) await setPersonCommands(ctx.api, person).catch((e) => ctx.deps.log.warn("setMyCommands failed", { error: String(e) }));
  if (person) await setConsoleMenu(ctx.api, person, ctx.deps.config.webapp?.url, ctx.deps.log);
}

async function join(ctx: BotContext, code: string) {
  const res = await redeemInvite(ctx.deps.database, ctx.person!.id, code, ctx.deps.clock());
  if (!res.ok) return ctx.reply(ctx.t(res.error === "TOO_MANY_ATTEMPTS" ? errorKey(res.error) : "join-invalid"));
  const v = res.value;
  // Joining is also where the language is chosen: the answer carries the language buttons.
  if (v.kind === "owner") return ctx.reply(ctx.t("join-owner-ok", { property: v.propertyName, unit: v.unitLabel }), { reply_markup: languageKeyboard() });
  await refreshMenu(ctx);
  if (v.role === "technician" && !ctx.person!.phone) {
    // the technician's phone is asked once, here: owners get it when a job is accepted
    await ctx.reply(joinedText(ctx, v));
    const args: FlowArgs = { personId: ctx.person!.id, lang: ctx.lang, ticketId: 0, number: "" };
    return enterFlow(ctx, STAFF_PHONE, args);
  }
  return ctx.reply(joinedText(ctx, v));
}

/** A staff role's skills for `$skills ->`: "none" (not a technician), "all" (any job) or the words. */
export function skillsParam(ctx: BotContext, role: string, skills: string[]): string {
  const words = skills.map((c) => ctx.t("category-label", { category: c })).join(ctx.t("list-separator"));
  return role !== "technician" ? "none" : words || "all";
}

function joinedText(ctx: BotContext, v: { propertyName: string; role: string; skills: string[] }) {
  return ctx.t("join-staff-ok", { property: v.propertyName, role: v.role, skills: skillsParam(ctx, v.role, v.skills) });
}

chat.command("start", async (ctx) => {
  if (ctx.match) return join(ctx, ctx.match.trim());
  await ctx.reply(`${ctx.t("welcome", { name: ctx.person!.name })}\n\n${helpFor(ctx)}`, { reply_markup: languageKeyboard() });
});

chat.command("join", async (ctx) => (ctx.match ? join(ctx, ctx.match.trim()) : ctx.reply(ctx.t("join-usage"))));
chat.command("help", (ctx) => ctx.reply(helpFor(ctx)));
chat.command("language", (ctx) => ctx.reply(ctx.t("language-ask"), { reply_markup: languageKeyboard() }));

startFeature.callbackQuery(callbackFor("lang"), async (ctx) => {
  const lang = parseCallback(ctx.callbackQuery.data)?.arg ?? "";
  if (!isLanguage(lang) || !ctx.person) return ctx.answerCallbackQuery();
  await setLanguage(ctx.deps.database.db, ctx.person.id, lang, ctx.deps.clock());
  const t = translator(lang);
  await ctx.answerCallbackQuery();
  // the message the buttons were on (e.g. the bind confirmation) stays readable: only the buttons go
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.reply(t("language-set"));
  await refreshMenu(ctx);
});
