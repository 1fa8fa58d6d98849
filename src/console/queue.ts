// The queue: the property's unfinished tickets as a table, what needs the desk first; filters, the
// count of every group, and a poll every 5 s (an unchanged queue answers 304) that marks what changed.
import { api, app, tr } from "./app.ts";
import { fill, h, select } from "./dom.ts";
import { POLL_MS } from "./poll.ts";

type Line = {
  id: number; number: string; place: string; category: string; status: string; priority: string; ageMin: number;
  clock: { kind: string; minutesLeft: number } | null; technician: string; emergency: boolean; needsDesk: boolean;
  flags: { rework: boolean; incident: number; paid: boolean; urged: number; late: boolean };
};
type Queue = { counts: Record<string, number>; total: number; lines: Line[]; technicians: { id: number; name: string }[] };

const GROUPS = ["unaccepted", "not_arrived", "overdue", "waiting_owner", "phone"];

const filter = { group: "", category: "", technician: "", priority: "" };
let etag: string | undefined;
let last: Queue | null = null;
let seen = new Map<number, string>();
let changed = new Set<number>();
let timer: ReturnType<typeof setTimeout> | undefined;
/** The property's technicians for the filter, asked for once per property. */
let technicians = { of: 0, list: [] as { id: number; name: string }[] };

const signature = (l: Line) => JSON.stringify([l.status, l.technician, l.priority, l.flags, l.clock?.kind]);

function age(min: number) {
  if (min < 60) return tr("console-age-min", { min });
  if (min < 48 * 60) return tr("console-age-h", { h: Math.floor(min / 60) });
  return tr("console-age-d", { d: Math.floor(min / 1440) });
}

function clockCell(l: Line) {
  if (!l.clock) return h("td", { class: "clock" }, "—");
  const m = l.clock.minutesLeft;
  const tone = m < 0 ? "over" : m < 10 ? "warn" : "ok";
  const words = m < 0 ? tr("console-over", { min: -m }) : tr("console-left", { min: m });
  return h("td", { class: `clock ${tone}` }, `${tr(`console-clock.${l.clock.kind}`)} · ${words}`);
}

function flags(l: Line) {
  const f = l.flags;
  return [
    l.emergency && ["emergency", tr("console-flag-emergency")],
    f.rework && ["rework", tr("console-flag-rework")],
    f.incident > 0 && ["incident", tr("console-flag-incident", { count: f.incident })],
    f.paid && ["paid", tr("console-flag-paid")],
    f.urged > 0 && ["urged", tr("console-flag-urged", { count: f.urged })],
    f.late && ["late", tr("console-flag-late")],
  ].filter(Boolean).map((x) => h("span", { class: `flag ${(x as string[])[0]}` }, (x as string[])[1]!));
}

function row(l: Line, open: (id: number) => void) {
  const cls = [l.needsDesk && "needs", l.emergency && "emergency", changed.has(l.id) && "changed"].filter(Boolean).join(" ");
  return h("tr", { class: cls, "data-number": l.number, "data-status": l.status, onclick: () => open(l.id) },
    h("td", { class: "num", title: l.number }, l.number.split("-").at(-1)), h("td", {}, l.place),
    h("td", {}, tr(`category-${l.category}`)), h("td", { class: "age" }, age(l.ageMin)), clockCell(l),
    h("td", {}, l.technician || "—"), h("td", { class: "status" }, tr(`console-status.${l.status}`)),
    h("td", { class: `prio ${l.priority}` }, tr(`priority-label.${l.priority}`)), h("td", { class: "flags" }, flags(l)));
}

function render(root: HTMLElement, q: Queue, open: (id: number) => void) {
  const me = app.me!;
  const any = (what: string): [string, string] => ["", `${tr(`console-filter-${what}`)}: ${tr("console-any")}`];
  const set = (k: keyof typeof filter) => (v: string) => {
    filter[k] = v;
    etag = undefined;
    void refresh(root, open);
  };
  const chips = GROUPS.map((g) => h("button", {
    class: `chip${filter.group === g ? " on" : ""}`, "data-group": g, onclick: () => set("group")(filter.group === g ? "" : g),
  }, `${tr(`console-group.${g}`)} ${q.counts[g] ?? 0}`));
  const head = ["number", "home", "category", "age", "clock", "technician", "status", "priority", "flags"]
    .map((c) => h("th", {}, tr(`console-col-${c}`)));
  const options = (what: keyof typeof filter, list: [string, string][]) =>
    select(what, [any(what), ...list], filter[what], set(what));
  const properties = me.properties.map((p): [string, string] => [String(p.id), p.name]);
  fill(root,
    h("div", { class: "filters" },
      me.properties.length > 1 && select("property", properties, String(app.property),
        (v) => { app.property = Number(v); set("group")(""); }),
      options("category", me.categories.map((c) => [c, tr(`category-${c}`)])),
      options("technician", technicians.list.map((t) => [String(t.id), t.name])),
      options("priority", me.priorities.map((p) => [p, tr(`priority-label.${p}`)]))),
    h("div", { class: "chips" }, chips),
    changed.size > 0 && h("p", { class: "note changed-note" }, tr("console-changed", { count: changed.size })),
    q.lines.length === 0 ? h("p", { class: "empty" }, tr("console-empty"))
      : h("div", { class: "scroll" }, h("table", { class: "queue" }, h("thead", {}, h("tr", {}, head)),
        h("tbody", {}, q.lines.map((l) => row(l, open))))),
    h("p", { class: "note" }, tr("console-shown", { shown: q.lines.length, total: q.total }),
      " · ", tr("console-refresh", { time: new Date().toLocaleTimeString() })));
}

async function refresh(root: HTMLElement, open: (id: number) => void) {
  const ask = technicians.of !== app.property;
  const asked = { property: String(app.property), ...filter, ...(ask ? { technicians: "1" } : {}) };
  const params = new URLSearchParams(asked);
  const res = await api<Queue>(`queue?${params}`, { etag: ask ? undefined : etag });
  etag = res.etag;
  if (res.data) {
    if (ask) technicians = { of: app.property, list: res.data.technicians };
    const next = new Map(res.data.lines.map((l) => [l.id, signature(l)]));
    if (last) changed = new Set([...next].filter(([id, s]) => seen.get(id) !== s).map(([id]) => id));
    seen = next;
    last = res.data;
  }
  if (last && root.isConnected) render(root, last, open);
}

/** Shows the queue in `root` and keeps it fresh while it is shown. */
export function showQueue(root: HTMLElement, open: (id: number) => void) {
  stopQueue();
  etag = undefined;
  const tick = async () => {
    await refresh(root, open).catch(() => undefined);
    if (root.isConnected) timer = setTimeout(tick, POLL_MS);
  };
  void tick();
}

export function stopQueue() {
  if (timer) clearTimeout(timer);
  timer = undefined;
}
