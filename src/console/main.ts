// The desk console's page: who is looking (/api/me), then the tabs. Owners, technicians and
// anyone whose role was taken away get the polite refusal instead, at the next request.
import { api, ApiError, app, setOnRefused, tr, type Me } from "./app.ts";
import { fill, h } from "./dom.ts";
import { showIntake } from "./intake.ts";
import { showComplaints, showFigures } from "./office.ts";
import { showQueue, stopQueue } from "./queue.ts";
import { applyTheme, backButton, initData, postEvent } from "./telegram.ts";
import { showTicket } from "./ticket.ts";

const root = document.getElementById("app")!;
type Tab = "queue" | "intake" | "complaints" | "figures";
let banner = "";

function refused(title: string, message: string) {
  stopQueue();
  backButton(null);
  document.body.dataset.screen = "refused";
  fill(root, h("section", { class: "refused" }, h("h1", {}, title), h("p", {}, message)));
}
setOnRefused((e: ApiError) => refused(e.body.title ?? "", e.body.message ?? ""));

function screen(tab: Tab | "ticket"): HTMLElement {
  stopQueue();
  document.body.dataset.screen = tab;
  const me = app.me!;
  const tabs: Tab[] = ["queue", "intake", "complaints", ...(me.figures.length > 0 ? ["figures" as const] : [])];
  const body = h("div", { class: "screen" });
  fill(root,
    h("nav", {}, tabs.map((t) => h("button", { class: t === tab ? "on" : "", "data-tab": t, onclick: () => show(t) },
      tr(`console-tab-${t}`)))),
    banner && h("p", { class: "banner", role: "status" }, banner), body);
  banner = "";
  return body;
}

function openTicket(id: number) {
  const body = screen("ticket");
  backButton(() => show("queue"));
  fill(body, h("button", { class: "back", onclick: () => show("queue") }, tr("console-ticket-back")));
  const card = h("div", {});
  body.appendChild(card);
  showTicket(card, id, openTicket).catch(failed(card));
}

const failed = (el: HTMLElement) => (e: unknown) => {
  if (e instanceof ApiError && e.status === 403 && e.body.error === "refused") return;
  fill(el, h("p", { class: "error" }, e instanceof ApiError ? e.message : tr("console-offline")));
};

function show(tab: Tab) {
  backButton(null);
  const body = screen(tab);
  if (tab === "queue") showQueue(body, openTicket);
  if (tab === "intake") showIntake(body, (message) => { banner = message; show("queue"); });
  if (tab === "complaints") showComplaints(body).catch(failed(body));
  if (tab === "figures") showFigures(body).catch(failed(body));
}

async function start() {
  applyTheme();
  postEvent("web_app_ready");
  postEvent("web_app_expand");
  if (!initData) return refused("", "This page opens from the bot in Telegram. 请从 Telegram 机器人打开。");
  const { data } = await api<Me>("me");
  app.me = data!;
  app.property = app.me.properties[0]!.id;
  document.documentElement.lang = app.me.language;
  document.title = tr("console-title");
  show("queue");
}
start().catch((e: unknown) => {
  if (!(e instanceof ApiError && (e.status === 401 || e.status === 403))) fill(root, h("p", { class: "error" }, String(e)));
});
