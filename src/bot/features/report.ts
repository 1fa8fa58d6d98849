// Supervisors and admins: /report CODE [day|week|month|YYYY-MM] (figures as a message and a chart),
// /export CODE month YYYY-MM (every ticket of the month as a CSV document).
import { Composer, InputFile } from "grammy";
import { monthExport } from "../../domain/figures/export.ts";
import { propertyReport } from "../../domain/figures/report.ts";
import type { BotContext } from "../context.ts";
import { errorKey } from "../errors.ts";
import { exportCsv } from "../export-csv.ts";
import { chartPng } from "../report-chart.ts";
import { chartLabels, reportMessage } from "../report-view.ts";

export const reportFeature = new Composer<BotContext>();
const chat = reportFeature.chatType("private");

const refusal = (code: string) => (code === "FORBIDDEN" ? "report-forbidden" : code === "NOT_FOUND" ? "report-no-property" : code === "INVALID_INPUT" ? "report-usage" : errorKey(code));

chat.command("report", async (ctx) => {
  const [code, period = ""] = ctx.match.trim().split(/\s+/);
  if (!code) return ctx.reply(ctx.t("report-usage"));
  const res = await propertyReport(ctx.deps.database.db, ctx.person!.id, code, period, ctx.deps.clock(), ctx.deps.config.timezone);
  if (!res.ok) return ctx.reply(ctx.t(refusal(res.error), { code }));
  const { text, entities } = reportMessage(res.value, ctx.t);
  await ctx.reply(text, { entities });
  const png = chartPng(res.value.daily, chartLabels(res.value, ctx.t), ctx.lang === "zh-TW" ? "tc" : "sc");
  await ctx.replyWithPhoto(new InputFile(png, `report-${res.value.code}-${res.value.period.label}.png`));
});

chat.command("export", async (ctx) => {
  const [code, ...rest] = ctx.match.trim().split(/\s+/);
  if (!code) return ctx.reply(ctx.t("export-usage"));
  const month = rest.filter((w) => w.toLowerCase() !== "month").join("");
  const res = await monthExport(ctx.deps.database.db, ctx.person!.id, code, month, ctx.deps.clock(), ctx.deps.config.timezone);
  if (!res.ok) return ctx.reply(ctx.t(res.error === "INVALID_INPUT" ? "export-usage" : refusal(res.error), { code }));
  const csv = exportCsv(res.value.records, ctx.t);
  const caption = ctx.t("export-caption", { code: res.value.code, month: res.value.label, count: res.value.records.length });
  await ctx.replyWithDocument(new InputFile(csv, `${res.value.code}-${res.value.label}.csv`), { caption });
});
