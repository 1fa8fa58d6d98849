// A ticket: the chat card's facts, the owner's phone, the clocks, the timeline in words, and the
// card's actions, each with its reason; after an action the ticket is drawn again in its new state.
import { api, ApiError, app, tr } from "./app.ts";
import { fill, h, select } from "./dom.ts";
import { quoteForm, quotePanel, type QuoteSection } from "./quote.ts";
import { haptic } from "./telegram.ts";

export type Ticket = {
  id: number; number: string; status: string; place: string; category: string; description: string; emergency: boolean;
  access: string; time: string; reportedAt: string; technician: string; channel: string; registeredBy: string;
  owner: string; ownerPhone: string; priority: string; urges: number; due: string; late: boolean; reworkOf: string;
  incidentOf: { id: number; number: string } | null; linked: { id: number; number: string }[];
  actions: string[]; timeline: string[]; candidates: { id: number; label: string }[];
  phoneCallback: { owner: string; phone: string } | null;
  merges: { number: string; place: string }[];
  /** The paid side, for those who may quote it (desk, supervisor), else null. */
  quote: QuoteSection | null;
};

const NEEDS_TECHNICIAN = ["assign", "reassign"];
const NEEDS_NUMBER = ["rework-link", "merge"];
const NO_REASON = ["assign", "chase", "phone"];

function actionForm(t: Ticket, kind: string, done: (message: string, next: Ticket | null) => void) {
  const technician = NEEDS_TECHNICIAN.includes(kind)
    ? select("technicianId", [["", "—"], ...t.candidates.map((c): [string, string] => [String(c.id), c.label])], "") : null;
  const priority = kind === "priority"
    ? select("priority", app.me!.priorities.map((p): [string, string] => [p, tr(`priority-label.${p}`)]), t.priority) : null;
  const of = NEEDS_NUMBER.includes(kind) ? h("input", {
    name: "of", placeholder: t.merges.map((m) => m.number).join(" / "),
  }) : null;
  const rating = kind === "phone"
    ? select("rating", [["", "—"], ...["5", "4", "3", "2", "1"].map((n): [string, string] => [n, tr(`rate-${n}`)])], "")
    : null;
  const comment = kind === "phone" ? h("input", { name: "comment", maxlength: 500 }) : null;
  const reason = NO_REASON.includes(kind) ? null : h("input", { name: "reason", maxlength: 500 });
  const error = h("p", { class: "error", role: "alert" });
  const go = h("button", { type: "submit", class: "primary" }, tr("console-ticket-go"));
  const form = h("form", { class: "action", "data-kind": kind },
    kind === "chase" && h("p", {}, tr("console-ticket-chase")),
    rating && h("label", {}, tr("console-ticket-rating"), rating),
    comment && h("label", {}, tr("console-ticket-comment"), comment),
    technician && h("label", {}, tr("console-filter-technician"), technician),
    priority && h("label", {}, tr("console-filter-priority"), priority),
    of && h("label", {}, tr(kind === "merge" ? "console-ticket-merge-into" : "console-ticket-rework-of"), of),
    reason && h("label", {}, tr(kind === "note" ? "console-ticket-note" : "console-ticket-reason"), reason),
    error, go);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    go.disabled = true;
    const body = {
      technicianId: technician ? Number(technician.value) || 0 : undefined, priority: priority?.value,
      of: of?.value, reason: reason?.value,
      rating: rating ? Number(rating.value) || 0 : undefined, comment: comment?.value,
    };
    api<{ message: string; ticket: Ticket | null }>(`tickets/${t.id}/${kind}`, { method: "POST", body }).then(({ data }) => {
      haptic("success");
      done(data!.message, data!.ticket);
    }).catch((err: unknown) => {
      haptic("error");
      fill(error, err instanceof ApiError ? err.message : tr("console-offline"));
      go.disabled = false;
    });
  });
  return form;
}

function draw(root: HTMLElement, t: Ticket, message: string, open: (id: number) => void) {
  const slot = h("div", { class: "slot" });
  const redraw = (m: string, next: Ticket | null) => (next ? draw(root, next, m, open) : fill(slot, h("p", {}, m)));
  const fact = (label: string, ...value: (string | Node)[]) => [h("dt", {}, label), h("dd", {}, ...value)];
  fill(root,
    message && h("p", { class: "banner", role: "status" }, message),
    h("h2", {}, t.number, " ", t.emergency && h("span", { class: "flag emergency" }, tr("console-flag-emergency"))),
    h("dl", { class: "facts" },
      fact(tr("console-col-status"), tr(`console-status.${t.status}`)),
      fact(tr("console-col-home"), t.place),
      fact(tr("console-col-category"), tr(`category-${t.category}`)),
      fact(tr("console-intake-description"), h("span", { class: "description" }, t.description)),
      fact(tr("console-ticket-owner"), t.owner || "—"),
      fact(tr("console-ticket-phone"), t.ownerPhone ? h("a", { href: `tel:${t.ownerPhone}` }, t.ownerPhone) : "—"),
      fact(tr("console-col-technician"), t.technician || "—"),
      fact(tr("console-col-priority"), tr(`priority-label.${t.priority}`)),
      fact(tr("console-ticket-clocks"), t.due, t.late ? ` · ${tr("console-flag-late")}` : ""),
      fact(tr("console-intake-channel"), t.channel, t.registeredBy ? ` · ${t.registeredBy}` : ""),
      t.reworkOf && fact(tr("console-flag-rework"), t.reworkOf)),
    t.phoneCallback && h("p", { class: "banner" }, tr("console-ticket-phone-callback", t.phoneCallback)),
    [t.incidentOf, ...t.linked].filter(Boolean)
      .map((l) => h("button", { class: "link", onclick: () => open(l!.id) }, `🔗 ${l!.number}`)),
    quotePanel(t.quote),
    h("h3", {}, tr("console-ticket-actions")),
    h("div", { class: "actions" }, t.actions.map((k) => h("button", {
      class: "action-button", "data-action": k,
      onclick: () => fill(slot, k === "quote" ? quoteForm(t.id, t.quote!, redraw) : actionForm(t, k, redraw)),
    }, tr(`console-action.${k}`)))),
    slot,
    h("h3", {}, tr("console-ticket-timeline")),
    h("ol", { class: "timeline" }, t.timeline.map((line) => h("li", {}, line))));
}

export async function showTicket(root: HTMLElement, id: number, open: (id: number) => void) {
  const { data } = await api<Ticket>(`tickets/${id}`);
  draw(root, data!, "", open);
}
