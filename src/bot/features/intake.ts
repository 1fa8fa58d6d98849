// /intake for the desk, the control room and supervisors: a report taken by phone, at the counter
// or on a patrol (the flow is conversations/intake.ts).
import { Composer } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import { intakeStart } from "../../domain/tickets/intake.ts";
import type { BotContext } from "../context.ts";
import { enterFlow } from "../conversations/enter.ts";
import { WAIT_LIMIT_MS } from "../conversations/ask.ts";
import { INTAKE, intakeConversation, type IntakeArgs } from "../conversations/intake.ts";

export const intakeFeature = new Composer<BotContext>();
intakeFeature.use(createConversation(intakeConversation, { id: INTAKE, maxMillisecondsToWait: WAIT_LIMIT_MS }));

intakeFeature.chatType("private").command("intake", async (ctx) => {
  const res = await intakeStart(ctx.deps.database.db, ctx.person!.id);
  if (!res.ok) return ctx.reply(ctx.t("intake-only"));
  const { properties, phone } = res.value;
  await enterFlow(ctx, INTAKE, { personId: ctx.person!.id, lang: ctx.lang, properties, staffPhone: phone } satisfies IntakeArgs);
});
