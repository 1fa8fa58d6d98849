// Complaints (the open list with deadlines: classify, name a handler, record the result) and the
// supervisors' figures (/report's table and chart for a period, the month's CSV, per technician).
import { api, ApiError, app, download, tr } from "./app.ts";
import { fill, h, select } from "./dom.ts";

type Complaint = {
  id: number; number: string; status: string; category: string; urgent: boolean; valid: boolean | null;
  description: string; against: string; ticket: string; handler: string; due: string;
  handlers: { id: number; name: string }[];
};

function complaintCard(c: Complaint, reload: () => void) {
  const note = h("p", { class: "error", role: "alert" });
  const run = (kind: string, body: object) => api(`complaints/${c.id}/${kind}`, { method: "POST", body })
    .then(reload).catch((e: unknown) => fill(note, e instanceof ApiError ? e.message : tr("console-offline")));
  const classes = app.me!.complaintCategories.map((k): [string, string] => [k, tr(`console-complaint-category.${k}`)]);
  const category = select("category", classes, c.category === "none" ? "attitude" : c.category);
  const classify = () => run("classify", { category: category.value, urgent: urgent.checked, valid: valid.checked });
  const urgent = h("input", { type: "checkbox", checked: c.urgent });
  const valid = h("input", { type: "checkbox", checked: c.valid !== false });
  const handler = select("handler", c.handlers.map((x): [string, string] => [String(x.id), x.name]), "");
  const result = h("textarea", { rows: 2, maxlength: 500 });
  return h("section", { class: "complaint", "data-number": c.number },
    h("h3", {}, c.number, " · ", tr(`console-complaint-category.${c.category}`), " · ",
      tr("console-complaint-due", { due: c.due })),
    h("p", { class: "description" }, c.description),
    h("p", { class: "hint" }, `${c.against} · ${c.ticket} · ${c.handler}`),
    h("div", { class: "row" }, category, h("label", { class: "inline" }, urgent, tr("console-complaint-urgent")),
      h("label", { class: "inline" }, valid, tr("console-complaint-valid")),
      h("button", { onclick: classify }, tr("console-complaint-classify"))),
    h("div", { class: "row" }, handler,
      h("button", { onclick: () => run("handler", { handlerId: Number(handler.value) }) }, tr("console-complaint-handler"))),
    h("div", { class: "row" }, result,
      h("button", { onclick: () => run("result", { result: result.value }) }, tr("console-complaint-result"))),
    note);
}

export async function showComplaints(root: HTMLElement) {
  const reload = () => void showComplaints(root);
  const { data } = await api<{ complaints: Complaint[] }>("complaints");
  const list = data!.complaints;
  fill(root, h("h2", {}, tr("console-complaints-title")),
    list.length === 0 ? h("p", { class: "empty" }, tr("console-complaints-none")) : list.map((c) => complaintCard(c, reload)));
}

type Figures = { title: string; figures: string[][]; technicians: string[][]; chart: string; month: string };

const table = (rows: string[][]) => h("div", { class: "scroll" }, h("table", { class: "figures" },
  h("thead", {}, h("tr", {}, (rows[0] ?? []).map((c) => h("th", {}, c)))),
  h("tbody", {}, rows.slice(1).map((r) => h("tr", {}, r.map((c) => h("td", {}, c)))))));

export async function showFigures(root: HTMLElement, period = "month") {
  if (!app.me!.figures.includes(app.property)) return fill(root, h("p", { class: "empty" }, tr("console-figures-only")));
  const { data } = await api<Figures>(`figures?${new URLSearchParams({ property: String(app.property), period })}`);
  const f = data!;
  const error = h("p", { class: "error", role: "alert" });
  const csv = h("button", {
    class: "primary", "data-csv": f.month,
    onclick: () => download(`figures.csv?${new URLSearchParams({ property: String(app.property), month: f.month })}`,
      "report.csv")
      .catch((e: unknown) => fill(error, e instanceof ApiError ? e.message : tr("console-offline"))),
  }, tr("console-figures-csv"));
  const periods: [string, string][] = ["day", "week", "month"].map((p) => [p, tr(`console-period.${p}`)]);
  fill(root,
    h("h2", {}, f.title),
    h("div", { class: "row" },
      h("label", {}, tr("console-figures-period"), select("period", periods, period, (p) => void showFigures(root, p))), csv),
    error,
    table(f.figures),
    h("h3", {}, tr("console-chart")),
    h("img", { class: "chart", alt: tr("console-chart"), src: f.chart }),
    h("h3", {}, tr("console-per-technician")),
    f.technicians.length > 1 ? table(f.technicians) : h("p", { class: "hint" }, "—"));
}
