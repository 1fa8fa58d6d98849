// /repair: the owner's guided report (DOMAIN step 1). Each answer is asked by ask(); the report is
// filed by the domain inside conversation.external so a replay never files it twice.
import { CATEGORIES, MAX_DESCRIPTION, MAX_PHOTOS, type Language } from "../../domain/types.ts";
import { ACCESS, PUBLIC_ACCESS, hazardOf, looksLikeEmergency, reportFault } from "../../domain/tickets/report.ts";
import { TIME_WINDOWS } from "../../domain/tickets/new-ticket.ts";
import { ARRIVAL_MINUTES } from "../../domain/tickets/dispatch.ts";
import type { BotDeps, ConversationContext } from "../context.ts";
import { translator, type Translate } from "../i18n.ts";
import { errorKey } from "../errors.ts";
import {
  again, ask, askPhone, askText, flowKey, flushTrail, TooManyTries, MAX_TRIES, type Choice, type Conv, type Trail,
} from "./ask.ts";

export const REPAIR = "repair";
export type RepairUnit = { id: number; propertyId: number; propertyName: string; label: string };
export type RepairArgs = { personId: number; lang: Language; units: RepairUnit[] };

type Draft = {
  unitId: number | null; propertyId: number; place: string; location: string; category: string; description: string;
  photos: string[]; emergency: boolean; access: string; time: string; phone: string;
};

const rows = <T,>(items: T[], n: number): T[][] => items.reduce<T[][]>((acc, x, i) => (i % n ? acc[acc.length - 1]!.push(x) : acc.push([x]), acc), []);

export function repairConversation(deps: BotDeps) {
  return async function repair(conversation: Conv, ctx: ConversationContext, args: RepairArgs) {
    const t = translator(args.lang);
    let step = 0;
    // a pressed answer's check mark goes out with the next question, in one edit
    const trail: Trail = {};
    const say = async (text: string, other?: Parameters<ConversationContext["reply"]>[1]) => {
      await flushTrail(ctx, trail);
      await ctx.reply(text, other);
    };
    const q = (text: string, choices: Choice[][] | undefined, hint: string, accept: ("text" | "photo" | "contact")[] = [], contactButton?: string) =>
      ask(conversation, ctx, t, { step: ++step, text, choices, hint, accept, contactButton, trail });
    const d: Draft = { unitId: null, propertyId: 0, place: "", location: "", category: "", description: "", photos: [], emergency: false, access: "", time: "", phone: "" };

    const askers: Record<string, () => Promise<void>> = {
      place: async () => {
        const properties = [...new Map(args.units.map((u) => [u.propertyId, u.propertyName])).entries()];
        const choices = [
          ...args.units.map((u) => [{ value: `u${u.id}`, label: u.label }]),
          ...properties.map(([id, name]) => [{ value: `p${id}`, label: t("repair-public-area", { property: name }) }]),
        ];
        const a = await q(t("repair-ask-place"), choices, t("ask-use-buttons"));
        const id = Number(a.kind === "choice" ? a.value.slice(1) : 0);
        if (a.kind === "choice" && a.value.startsWith("u")) {
          const unit = args.units.find((u) => u.id === id)!;
          Object.assign(d, { unitId: unit.id, propertyId: unit.propertyId, place: unit.label, location: "" });
          return;
        }
        const loc = await textAnswer(t("repair-ask-location"), 100);
        Object.assign(d, { unitId: null, propertyId: id, place: loc, location: loc });
      },
      category: async () => {
        const a = await q(t("repair-ask-category"), rows(CATEGORIES.map((c) => ({ value: c, label: t(`category-${c}`) })), 2), t("ask-use-buttons"));
        d.category = a.kind === "choice" ? a.value : "other";
      },
      description: async () => {
        d.description = await textAnswer(t("repair-ask-description"), MAX_DESCRIPTION);
      },
      photos: async () => {
        d.photos = [];
        while (d.photos.length < MAX_PHOTOS) {
          const text = d.photos.length === 0 ? t("repair-ask-photos", { max: MAX_PHOTOS }) : t("repair-photo-received", { count: d.photos.length, max: MAX_PHOTOS });
          const button = d.photos.length === 0 ? { value: "skip", label: t("btn-skip") } : { value: "done", label: t("btn-photos-done") };
          const a = await q(text, [[button]], t("repair-photo-hint"), ["photo"]);
          if (a.kind !== "photo") break;
          d.photos.push(a.fileId);
        }
      },
      emergency: async () => {
        const suggested = looksLikeEmergency(d.category, `${d.description} ${d.location}`);
        const text = t(suggested ? "repair-ask-emergency-suggested" : "repair-ask-emergency");
        const yes = { value: "yes", label: (suggested ? "👉 " : "") + t("btn-emergency-yes") };
        const no = { value: "no", label: (suggested ? "" : "👉 ") + t("btn-emergency-no") };
        const a = await q(text, [[yes], [no]], t("ask-use-buttons"));
        d.emergency = a.kind === "choice" && a.value === "yes";
        // the safety hint comes at once, before the remaining questions (DOMAIN step 2)
        const hazard = hazardOf(d.category, `${d.description} ${d.location}`);
        if (d.emergency) await say(t("repair-safety", { hazard }));
      },
      access: async () => {
        if (d.unitId === null) return void (d.access = PUBLIC_ACCESS); // nobody needs to be home
        const a = await q(t("repair-ask-access"), ACCESS.map((v) => [{ value: v, label: t(`access-${v}`) }]), t("ask-use-buttons"));
        d.access = a.kind === "choice" ? a.value : "call";
      },
      time: async () => {
        if (d.emergency) return void (d.time = "asap"); // not asked: the domain books no time for an emergency
        const a = await q(t("repair-ask-time"), TIME_WINDOWS.map((v) => [{ value: v, label: t(`time-${v}`) }]), t("repair-time-hint"), ["text"]);
        d.time = a.kind === "choice" ? a.value : a.kind === "text" ? a.value.trim().slice(0, 100) : "asap";
      },
      phone: async () => {
        d.phone = await askPhone(conversation, ctx, t, { step: step + 1, text: t("repair-ask-phone"), trail });
        step += MAX_TRIES;
      },
    };

    // Steps only tell one question's buttons from another's: a text question takes a block of
    // MAX_TRIES numbers (one per re-ask), so the next question's buttons never share one.
    const textAnswer = async (question: string, max: number): Promise<string> => {
      const answer = await askText(conversation, ctx, t, { step: step + 1, text: question, max, trail });
      step += MAX_TRIES;
      return answer!;
    };

    try {
      for (const key of Object.keys(askers)) await askers[key]!();
      for (let round = 0; round < 10; round++) {
        const a = await q(summary(t, d), [
          [{ value: "confirm", label: t("btn-submit") }],
          [{ value: "edit", label: t("btn-edit") }, { value: "cancel", label: t("btn-cancel-report") }],
        ], t("ask-use-buttons"));
        const choice = a.kind === "choice" ? a.value : "";
        if (choice === "cancel") return void (await say(t("repair-cancelled")));
        if (choice === "confirm") return void (await submit(deps, say, t, args, d, conversation, flowKey(ctx)));
        const field = await q(t("repair-ask-edit-field"), rows(Object.keys(askers).map((k) => ({ value: k, label: t(`repair-field-${k}`) })), 2), t("ask-use-buttons"));
        if (field.kind === "choice") await askers[field.value]!();
      }
    } catch (e) {
      if (!(e instanceof TooManyTries)) throw e;
      await say(t("ask-too-many-tries", { flow: REPAIR }), { reply_markup: { remove_keyboard: true } });
    }
  };
}

function summary(t: Translate, d: Draft): string {
  return t("repair-summary", {
    place: d.place, category: d.category, description: d.description, photos: d.photos.length,
    emergency: d.emergency ? "yes" : "no", access: d.access, time: d.time, phone: d.phone,
  });
}

type Say = (text: string) => Promise<void>;

async function submit(deps: BotDeps, say: Say, t: Translate, args: RepairArgs, d: Draft, conversation: Conv, submitKey: string) {
  const res = await conversation.external(() =>
    reportFault(deps.database, {
      reporterId: args.personId, unitId: d.unitId, propertyId: d.propertyId, location: d.location, category: d.category,
      description: d.description, emergency: d.emergency, access: d.access, preferredTime: d.time, phone: d.phone, photos: d.photos,
      submitKey,
    }, deps.clock()),
  );
  if (!res.ok) return void (await say(t(errorKey(res.error))));
  // the same public-area fault already reported: the reporter follows that number
  const before = again(t, res.value.number, res.value.again);
  const primary = res.value.incidentOf;
  if (primary) return void (await say(before + t("repair-created-linked", { number: primary })));
  const key = res.value.emergency ? "repair-created-emergency" : "repair-created";
  await say(before + t(key, { number: res.value.number, minutes: ARRIVAL_MINUTES.emergency }));
}
