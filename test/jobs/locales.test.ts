// Every message key and button label the jobs put in the outbox exists in every language, and
// renders with the parameters the jobs pass (no raw "{ $x }" or key names left over).
import { describe, expect, it } from "vitest";
import { hasKey, t } from "../../src/bot/i18n.ts";
import { LANGUAGES } from "../../src/domain/types.ts";

const ticket = { number: "BX-20261123-0001", place: "1-2-301", category: "water", technician: "师傅1", completed: "2026-11-23 10:00" };
const SAMPLES: Record<string, Record<string, string | number>> = {
  "callback-ask-fixed": ticket,
  "callback-ask-rating": ticket,
  "callback-reminder-fixed": ticket,
  "callback-reminder-rating": ticket,
  "callback-phone-task": { ...ticket, owner: "王阿姨", phone: "13800138000" },
  "dispatch-overdue": { ...ticket, emergency: "yes", minutes: 5, round: 1, offered: 2, held: "no" },
  "dispatch-unassigned": { ...ticket, emergency: "no", minutes: 20, round: 4, offered: 0 },
  "arrival-late-technician": { ...ticket, emergency: "no", techphone: "139", phone: "138", since: "2026-11-23 10:00" },
  "arrival-late-supervisor": { ...ticket, emergency: "yes", techphone: "139", phone: "138", since: "2026-11-23 10:00" },
  "appointment-reminder-technician": { ...ticket, time: "2026-11-23 14:00", phone: "138", access: "home" },
  "appointment-coming-owner": { ...ticket, time: "2026-11-23 14:00", phone: "138", access: "home" },
  "closeout-report": {
    property: "BX Garden", date: "2026-11-23", reported: 3, completed: 1, open: 2, overdueCount: 1, postponedCount: 0, callbackCount: 0,
    overdue: "BX-20261123-0002  -  1-2-301  11-23 16:00", postponed: "-", callbacks: "-", lateCompletionCount: 0, lateCompletion: "-",
    quotesSent: 2, approved: 1, declined: 1, received: "60.00", outstandingCount: 1, outstanding: "35.00",
  },
  "followup-reminder": { id: 7, reason: "none", rating: 1, number: "BX-1", due: "2026-11-24 10:00", role: "supervisor" },
  "followup-overdue": { id: 7, reason: "师傅迟到", rating: 2, number: "BX-1", due: "2026-11-24 10:00", role: "supervisor" },
  "followup-new": { id: 7, reason: "漏水", rating: 0, number: "BX-1" },
  "followup-result": { id: 7, number: "BX-1", result: "已处理" },
  "complaint-new": { id: 3, number: "BX-TS0003", category: "none", urgent: "no", description: "收费不合理", against: "-", ticket: "-", source: "owner", due: "2026-11-24 10:00" },
  "complaint-reminder": { id: 3, number: "BX-TS0003", category: "fees", urgent: "no", against: "-", due: "2026-11-24 10:00", stage: "reminder" },
  "complaint-overdue": { id: 3, number: "BX-TS0003", category: "quality", urgent: "no", against: "师傅1", due: "2026-11-24 10:00", stage: "answer" },
  "complaint-answered": { id: 3, number: "BX-TS0003", result: "已处理" },
  "complaint-assigned": { number: "BX-TS0003", description: "收费不合理", against: "-", due: "2026-11-24 10:00" },
  "complaint-unassigned": { number: "BX-TS0003", description: "收费不合理", since: "2026-11-23 10:00" },
  "complaint-reopened": { number: "BX-TS0003", description: "收费不合理", result: "已处理", due: "2026-11-24 10:00" },
};
const LABELS = ["btn-record-phone-answer", "btn-confirm-fixed", "btn-not-fixed", "rate-1", "rate-5", "btn-arrived", "btn-job-open"];

describe("job messages in every language", () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: has and renders every key`, () => {
      for (const key of [...Object.keys(SAMPLES), ...LABELS]) expect(hasKey(lang, key), `${lang} ${key}`).toBe(true);
      for (const [key, params] of Object.entries(SAMPLES)) {
        const text = t(lang, key, params);
        expect(text, key).not.toMatch(/\{|\}|\$[a-z]/);
        expect(text.length, key).toBeGreaterThan(10);
      }
    });
  }

  it("renders the choices of complaints and emergencies", () => {
    expect(t("en", "complaint-overdue", SAMPLES["complaint-overdue"]!)).toContain("answer deadline");
    expect(t("en", "complaint-overdue", { ...SAMPLES["complaint-overdue"]!, stage: "handle" })).toContain("handling deadline");
    expect(t("zh-CN", "dispatch-overdue", SAMPLES["dispatch-overdue"]!)).toContain("紧急");
  });
});
