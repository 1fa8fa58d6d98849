// The desk's quote on the ticket screen, as `/quote N` in chat: (the reason, if the job is not yet
// paid work) → items picked from the price list or typed as in chat → the preview with its total and
// notes → send. The form carries one key, so a second press of send finds the quote of the first.
import { api, ApiError, tr } from "./app.ts";
import { fill, h, select } from "./dom.ts";
import { haptic } from "./telegram.ts";

export type QuoteRow = { name: string; quantity: string; price: string; amount: string; own: boolean; above: boolean };
export type QuoteSection = {
  may: boolean; chargeable: boolean; reasons: { value: string; label: string }[];
  prices: { code: string; label: string }[];
  latest: { version: number; status: string; lines: QuoteRow[]; notes: string[]; reviewNote: string } | null;
};
type Done<T> = (message: string, next: T | null) => void;

/** The lines as a table: item (marked when owner-supplied or above the list), quantity, unit price, amount. */
function linesTable(lines: QuoteRow[]) {
  return h("div", { class: "scroll" }, h("table", { class: "quote-lines" },
    h("thead", {}, h("tr", {}, ["item", "quantity", "price", "amount"].map((c) => h("th", {}, tr(`console-quote-col-${c}`))))),
    h("tbody", {}, lines.map((l) => h("tr", { class: l.above ? "above" : undefined },
      h("td", {}, l.name, l.own && h("span", { class: "flag" }, tr("console-quote-own")),
        l.above && h("span", { class: "flag late", title: tr("console-quote-above") }, "!")),
      h("td", {}, l.quantity), h("td", {}, l.price), h("td", {}, l.amount))))));
}

/** The ticket's latest quote and where it stands (nothing before the first). */
export function quotePanel(q: QuoteSection | null) {
  const l = q?.latest;
  if (!l) return null;
  return h("section", { class: "quote", "data-quote-status": l.status },
    h("h3", {}, tr("console-quote-title")),
    h("p", {}, tr("console-quote-version", { version: l.version }), " · ",
      h("strong", { class: "quote-status" }, tr(`console-quote-status.${l.status}`))),
    linesTable(l.lines),
    l.notes.map(noteLine),
    l.reviewNote && h("p", {}, tr("console-quote-review-note", { note: l.reviewNote })));
}

/** The total first (in bold), then what the quote needs (a supervisor, an agreement). */
const noteLine = (n: string, i: number) => h("p", { class: i === 0 ? "total" : "note" }, n);

function randomKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The quote form of a ticket the viewer may quote; `done` draws the ticket in its new state. */
export function quoteForm<T>(ticketId: number, q: QuoteSection, done: Done<T>) {
  const key = randomKey();
  const reason = q.chargeable ? null
    : select("reason", [["", "—"], ...q.reasons.map((r): [string, string] => [r.value, r.label])], "");
  const rows = h("div", { class: "quote-picks" });
  const pickRow = () => {
    const item = select("code", [["", "—"], ...q.prices.map((p): [string, string] => [p.code, p.label])], "");
    const quantity = h("input", { name: "quantity", value: "1", inputmode: "decimal", size: 5 });
    const row = h("div", { class: "row quote-pick" },
      h("label", {}, tr("console-quote-pick"), item),
      h("label", { class: "quantity" }, tr("console-quote-quantity"), quantity),
      h("button", { type: "button", onclick: () => { row.remove(); stale(); } }, tr("console-quote-remove")));
    return row;
  };
  if (q.prices.length > 0) rows.appendChild(pickRow());
  const add = q.prices.length > 0
    && h("button", { type: "button", class: "quote-add", onclick: () => { rows.appendChild(pickRow()); stale(); } },
      tr("console-quote-add"));
  const text = h("textarea", { name: "text", rows: 3, maxlength: 1000 });
  const error = h("p", { class: "error", role: "alert" });
  const preview = h("div", { class: "quote-preview" });
  const go = h("button", { type: "submit", class: "primary" }, tr("console-quote-preview"));

  const body = () => ({
    reason: reason?.value,
    lines: [...rows.querySelectorAll(".quote-pick")].map((r) => ({
      code: r.querySelector("select")!.value, quantity: r.querySelector("input")!.value,
    })).filter((l) => l.code),
    text: text.value,
  });
  /** Anything changed after a preview: it no longer shows what would be sent. */
  function stale() {
    fill(preview);
    fill(error);
  }
  const fail = (button: HTMLButtonElement) => (err: unknown) => {
    haptic("error");
    fill(error, err instanceof ApiError ? err.message : tr("console-offline"));
    button.disabled = false;
  };

  const form = h("form", { class: "action quote-form", "data-kind": "quote", oninput: stale },
    q.prices.length === 0 && h("p", { class: "hint" }, tr("paid-no-prices")),
    reason && h("label", {}, tr("console-quote-reason"), reason),
    rows, add,
    h("label", {}, tr("console-quote-typed"), text),
    error, go, preview);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    go.disabled = true;
    fill(error);
    api<{ lines: QuoteRow[]; notes: string[] }>(`tickets/${ticketId}/quote-preview`, { method: "POST", body: body() })
      .then(({ data }) => {
        go.disabled = false;
        const send: HTMLButtonElement = h("button", { type: "button", class: "primary quote-send", onclick: () => {
          send.disabled = true;
          api<{ message: string; ticket: T | null }>(`tickets/${ticketId}/quote`, { method: "POST", body: { ...body(), key } })
            .then(({ data: sent }) => {
              haptic("success");
              done(sent!.message, sent!.ticket);
            }).catch(fail(send));
        } }, tr("btn-paid-send"));
        fill(preview, linesTable(data!.lines), data!.notes.map(noteLine), send);
      }).catch(fail(go));
  });
  return form;
}
