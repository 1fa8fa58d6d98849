// /intake: the desk, the control room or a supervisor registers a report taken by phone, at the
// counter or on a patrol. The owner's questions (ask.ts) with staff defaults: one message per
// answer, the home found by its label or the owner's phone, the phone number offered from the home.
import { CATEGORIES, MAX_DESCRIPTION, MAX_PHOTOS, type Language } from "../../domain/types.ts";
import { ACCESS, PUBLIC_ACCESS, looksLikeEmergency, normalizePhone } from "../../domain/tickets/report.ts";
import { TIME_WINDOWS } from "../../domain/tickets/new-ticket.ts";
import { findHomes, registerStaffReport, STAFF_CHANNELS, type Home } from "../../domain/tickets/intake.ts";
import type { BotContext, ConversationContext } from "../context.ts";
import { translator } from "../i18n.ts";
import { errorKey } from "../errors.ts";
import { again, ask, askText, flowKey, TooManyTries, MAX_TRIES, type Choice, type Conv } from "./ask.ts";

export const INTAKE = "intake";
export type IntakeArgs = { personId: number; lang: Language; properties: { id: number; name: string }[]; staffPhone: string };

export async function intakeConversation(conversation: Conv, ctx: ConversationContext, args: IntakeArgs) {
  const t = translator(args.lang);
  let step = 0;
  const q = (text: string, choices: Choice[][] | undefined, accept: ("text" | "photo")[] = [], hint = t("ask-use-buttons")) =>
    ask(conversation, ctx, t, { step: ++step, text, choices, accept, hint });
  const text = async (question: string, max: number) => {
    const answer = await askText(conversation, ctx, t, { step: step + 1, text: question, max });
    step += MAX_TRIES;
    return answer!;
  };
  const pick = async (question: string, values: readonly string[], label: (v: string) => string, preset?: string) => {
    const a = await q(question, values.map((v) => [{ value: v, label: (v === preset ? "✔ " : "") + label(v) }]));
    return a.kind === "choice" ? a.value : values[0]!;
  };
  try {
    const propertyId = args.properties.length === 1 ? args.properties[0]!.id
      : Number(await pick(t("intake-ask-property"), args.properties.map((p) => String(p.id)), (id) => args.properties.find((p) => String(p.id) === id)!.name));
    const channel = await pick(t("intake-ask-channel"), STAFF_CHANNELS, (c) => t(`channel-${c}`), "phone") as (typeof STAFF_CHANNELS)[number];
    const home = await findHome(propertyId);
    const location = home ? "" : await text(t("repair-ask-location"), 100);
    const category = await pick(t("repair-ask-category"), CATEGORIES, (c) => t(`category-${c}`));
    const description = await text(t("repair-ask-description"), MAX_DESCRIPTION);
    const photos: string[] = [];
    for (let a = await q(t("intake-ask-photos"), [[{ value: "skip", label: t("btn-skip") }]], ["photo"], t("repair-photo-hint"));
      a.kind === "photo" && photos.length < MAX_PHOTOS;
      a = await q(t("repair-photo-received", { count: photos.length, max: MAX_PHOTOS }), [[{ value: "done", label: t("btn-photos-done") }]], ["photo"], t("repair-photo-hint"))) {
      photos.push(a.fileId);
    }
    const suggested = looksLikeEmergency(category, `${description} ${location}`);
    const emergency = (await pick(t("intake-ask-emergency"), ["yes", "no"], (v) => t(`btn-emergency-${v}`), suggested ? "yes" : "no")) === "yes";
    const access = home ? await pick(t("repair-ask-access"), ACCESS, (v) => t(`access-${v}`), "call") : PUBLIC_ACCESS;
    const timeAnswer = await q(t("repair-ask-time"), TIME_WINDOWS.map((v) => [{ value: v, label: t(`time-${v}`) }]), ["text"], t("repair-time-hint"));
    const time = timeAnswer.kind === "text" ? timeAnswer.value.trim().slice(0, 100) || "asap" : timeAnswer.kind === "choice" ? timeAnswer.value : "asap";
    const phone = await askPhone(channel === "patrol" ? args.staffPhone : home?.phone ?? "");
    const place = home?.label ?? location;
    const summary = `${t("intake-summary-head", { channel, owner: home?.owner || "-" })}\n${t("repair-summary", {
      place, category, description, photos: photos.length, emergency: emergency ? "yes" : "no", access, time, phone,
    })}`;
    const confirm = await q(summary, [[{ value: "confirm", label: t("btn-submit") }, { value: "cancel", label: t("btn-cancel-report") }]]);
    if (confirm.kind !== "choice" || confirm.value !== "confirm") return void (await ctx.reply(t("repair-cancelled")));
    const res = await conversation.external((outer: BotContext) => registerStaffReport(outer.deps.database, {
      staffId: args.personId, channel, unitId: home?.unitId ?? null, propertyId, location, category, description,
      emergency, access, preferredTime: time, phone, photos, submitKey: flowKey(ctx),
    }, outer.deps.clock()));
    if (!res.ok) return void (await ctx.reply(t(errorKey(res.error))));
    const told = channel === "patrol" ? "patrol" : res.value.ownerOnTelegram ? "telegram" : "phone";
    const before = again(t, res.value.number, res.value.again);
    const primary = res.value.incidentOf;
    const linked = { number: res.value.number, primary: primary ?? "", told };
    if (primary) return void (await ctx.reply(before + t("intake-created-linked", linked)));
    await ctx.reply(before + t("intake-created", { number: res.value.number, told, offered: res.value.offeredTo }));
  } catch (e) {
    if (!(e instanceof TooManyTries)) throw e;
    await ctx.reply(t("intake-too-many-tries"));
  }

  /** A label or a phone number, or the public-area button; null for a public area. */
  async function findHome(propertyId: number): Promise<Home | null> {
    for (let i = 0; i < MAX_TRIES; i++) {
      const a = await q(t("intake-ask-home"), [[{ value: "public", label: t("intake-public-area") }]], ["text"], t("intake-ask-home"));
      if (a.kind === "choice") return null;
      const query = a.kind === "text" ? a.value : "";
      const res = await conversation.external((outer: BotContext) => findHomes(outer.deps.database.db, args.personId, propertyId, query));
      if (!res.ok && res.error !== "INVALID_INPUT") throw new TooManyTries();
      const homes = res.ok ? res.value : [];
      if (homes.length === 1) return homes[0]!;
      if (homes.length > 1) {
        const c = await q(t("intake-choose-home"), homes.map((h) => [{ value: String(h.unitId), label: `${h.label} ${h.owner}` }]));
        return homes.find((h) => c.kind === "choice" && String(h.unitId) === c.value) ?? homes[0]!;
      }
      await ctx.reply(t(res.ok ? "intake-home-not-found" : "intake-home-invalid", { query }));
    }
    throw new TooManyTries();
  }

  async function askPhone(preset: string): Promise<string> {
    for (let i = 0; i < MAX_TRIES; i++) {
      const a = await q(t("intake-ask-phone"), preset ? [[{ value: preset, label: `✔ ${preset}` }]] : undefined, ["text"], t("repair-phone-hint"));
      const phone = normalizePhone(a.kind === "choice" || a.kind === "text" ? a.value : "");
      if (phone) return phone;
      await ctx.reply(t("repair-phone-invalid"));
    }
    throw new TooManyTries();
  }
}
