// The desk console's API over real HTTP and a real database: who gets in (Telegram's signed
// initData, then the current office role, re-read on every request), every endpoint, the
// validation sentences, and the same events as the chat's commands.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { revokeRole } from "../../src/domain/people.ts";
import { fileComplaint } from "../../src/domain/complaints.ts";
import { packCallback } from "../../src/bot/callback-data.ts";
import { parseConfig } from "../../src/config.ts";
import { setConsoleMenus } from "../../src/bot/console-menu.ts";
import { createConsole } from "../../src/server/console/index.ts";
import { startReceiving } from "../../src/server/receive.ts";
import { createHarness, buttonsOf, TOKEN, type Harness } from "../helpers/bot-harness.ts";
import { startConsole } from "../helpers/console.ts";
import { makePerson, makeProperty, makeStaff, value } from "../helpers/fixtures.ts";
import { runCallbacks } from "../../src/domain/scheduled/callbacks.ts";
import { acceptJob } from "../../src/domain/tickets/dispatch.ts";
import { addMinutes } from "../../src/domain/time.ts";
import { importPrices } from "../../src/domain/paid/prices.ts";
import { completed, makeDesk, reported, sent, type Desk } from "../jobs/site.ts";

let h: Harness;
let s: Desk;
let c: Awaited<ReturnType<typeof startConsole>>;
beforeEach(async () => {
  h = await createHarness();
  s = await makeDesk(h.database);
  c = await startConsole(h.database, h.now, h.fake.apiRoot);
});
afterEach(async () => {
  await c.close();
  expect(c.errors).toEqual([]);
  await h.close();
});

const events = async (ticketId: number) =>
  (await h.database.db.event.findMany({ where: { ticketId }, orderBy: { id: "asc" } })).map((e) => ({ action: e.action, data: JSON.parse(e.data) }));

describe("who gets in", () => {
  it("refuses a missing or wrong signature, an expired auth_date, owners, technicians and strangers", async () => {
    const desk = c.client(s.desk);
    expect((await desk.get("api/me")).status).toBe(200);
    const none = await fetch(`${c.url}api/me`);
    expect(none.status).toBe(401);
    expect((await none.json()).message).toContain("请从 Telegram 中的机器人打开此页面");

    const forged = c.client({ raw: `tma ${c.initData(s.desk.telegramId, { token: "123456:another-bots-token" })}` });
    expect((await forged.get("api/me")).status).toBe(401);
    const tampered = c.initData(s.desk.telegramId).replace(/first_name%22%3A%22X/, "first_name%22%3A%22Y");
    expect((await c.client({ raw: `tma ${tampered}` }).get("api/me")).status).toBe(401);

    const old = new Date(h.now().getTime() - 25 * 3600_000);
    const expired = await c.client({ raw: `tma ${c.initData(s.desk.telegramId, { at: old, lang: "en" })}` }).get("api/queue");
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error: "expired", message: expect.stringContaining("more than a day ago") });
    const withinADay = new Date(h.now().getTime() - 23 * 3600_000);
    expect((await c.client({ raw: `tma ${c.initData(s.desk.telegramId, { at: withinADay })}` }).get("api/me")).status).toBe(200);

    for (const who of [s.owner, s.technicians[0]!, await makePerson(h.database.db, "路人")]) {
      const res = await c.client(who).get("api/queue");
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: "refused", message: expect.stringContaining("业主和维修师傅请继续在与机器人的聊天中办理") });
    }
  });

  it("a clerk of another property sees neither its tickets nor its homes", async () => {
    const other = await makeProperty(h.database.db, "QT");
    const stranger = await makeStaff(h.database.db, other.id, "desk", "周客服");
    const ticket = await reported(h.database, s, h.now());
    const client = c.client(stranger);
    const queue = await (await client.get(`api/queue?property=${s.property.id}`)).json();
    expect(queue.propertyId).toBe(other.id);
    expect(queue.lines).toEqual([]);
    expect((await client.get(`api/tickets/${ticket}`)).status).toBe(404);
    expect((await client.post(`api/tickets/${ticket}/note`, { reason: "看看" })).status).toBe(404);
    expect((await (await client.get(`api/homes?property=${s.property.id}&q=1-2-301`)).json()).homes).toEqual([]);
    expect(await events(ticket)).not.toContainEqual(expect.objectContaining({ action: "note" }));
  });

  it("a clerk whose role was revoked a moment ago is refused at the next request", async () => {
    const admin = await makePerson(h.database.db, "孙经理");
    await h.database.db.roleGrant.create({ data: { personId: admin.id, role: "admin", propertyId: null } });
    const desk = c.client(s.desk);
    expect((await desk.get("api/queue")).status).toBe(200);
    value(await revokeRole(h.database, admin.id, s.desk.id, "desk", h.now(), s.property.id));
    const res = await desk.get("api/queue");
    expect(res.status).toBe(403);
    expect((await res.json()).error).toBe("refused");
  });
});

describe("the page", () => {
  it("is served with a Content-Security-Policy, its own script and no inline script", async () => {
    const page = await fetch(c.url);
    const html = await page.text();
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(html).toMatch(/<script type="module" src="app.js"><\/script>/);
    expect(html.match(/<script/g)).toHaveLength(1);
    const js = await fetch(`${c.url}app.js`);
    expect(js.headers.get("content-type")).toContain("javascript");
    expect((await js.text())).not.toMatch(/innerHTML|insertAdjacentHTML|telegram\.org\/js/);
    expect((await fetch(`${c.url}app.css`)).status).toBe(200);
  });

  it("gets its words in the person's language from the Fluent files", async () => {
    const me = await (await c.client(s.desk).get("api/me")).json();
    expect(me.texts["console-tab-queue"]).toBe("工单队列");
    expect(me.texts["console-status.open"]).toBe("等待派工");
    expect(me.texts["console-left"]).toBe("剩 {min} 分钟");
    expect(me.texts["category-water"]).toBeTruthy();
    expect(me.figures).toEqual([]);
    await h.database.db.person.update({ where: { id: s.desk.id }, data: { language: "en" } });
    expect((await (await c.client(s.desk).get("api/me")).json()).texts["console-tab-queue"]).toBe("Queue");
    expect((await (await c.client(s.supervisor).get("api/me")).json()).figures).toEqual([s.property.id]);
  });
});

describe("queue and intake", () => {
  it("files a phone intake through /intake's domain call, lists what needs the desk first, and answers 304 when nothing changed", async () => {
    const desk = c.client(s.desk);
    const first = await reported(h.database, s, h.now());
    h.advance(30);
    const homes = await (await desk.get("api/homes?q=1-2-301")).json();
    expect(homes.homes).toEqual([expect.objectContaining({ label: "1-2-301", owner: "王阿姨" })]);
    const res = await desk.post("api/intake", {
      unitId: homes.homes[0].unitId, category: "electricity", description: "<img src=x onerror=alert(1)>", phone: "13800138000",
    });
    expect(res.status).toBe(200);
    const filed = await res.json();
    expect(filed.message).toContain(`已登记 ${filed.number}`);
    expect(filed.message).toContain("业主已在 Telegram 收到编号");
    const ticket = await h.database.db.ticket.findUniqueOrThrow({ where: { id: filed.ticketId } });
    expect(ticket).toMatchObject({ channel: "phone", registeredById: s.desk.id, access: "call", preferredTime: "asap", description: "<img src=x onerror=alert(1)>" });
    expect((await events(filed.ticketId)).map((e) => e.action)).toEqual((await events(first)).map((e) => e.action));

    const queue = await desk.get("api/queue");
    const q = await queue.json();
    expect(q.lines.map((l: { id: number }) => l.id)).toEqual([first, filed.ticketId]); // oldest unaccepted first
    expect(q.lines[0]).toMatchObject({ needsDesk: true, status: "open", clock: { kind: "dispatch", minutesLeft: -25 } });
    expect(q.counts.unaccepted).toBe(2);
    const again = await desk.get("api/queue", { "if-none-match": queue.headers.get("etag")! });
    expect(again.status).toBe(304);
    const electric = await (await desk.get("api/queue?category=electricity")).json();
    expect(electric.lines.map((l: { id: number }) => l.id)).toEqual([filed.ticketId]);
  });

  it("answers an unchanged poll 304 until a ticket changes, a phone callback starts waiting or the minute turns", async () => {
    const desk = c.client(s.desk);
    const id = await reported(h.database, s, h.now());
    const done = await completed(h.database, s, h.now());
    const poll = async (etag: string) => desk.get("api/queue", { "if-none-match": etag });
    let etag = (await desk.get("api/queue")).headers.get("etag")!;
    expect((await poll(etag)).status).toBe(304);
    value(await acceptJob(h.database, s.technicians[0]!.id, id, h.now()));
    const accepted = await poll(etag);
    expect(accepted.status).toBe(200);
    expect((await accepted.json()).lines.find((l: { id: number }) => l.id === id)).toMatchObject({ status: "accepted" });
    etag = accepted.headers.get("etag")!;
    expect((await poll(etag)).status).toBe(304);
    await h.database.db.person.update({ where: { id: s.owner.id }, data: { blockedAt: h.now() } }); // no ticket changes
    await runCallbacks(h.database, addMinutes(h.now(), 120)); // the callback of `done` now waits for the desk
    const phone = await poll(etag);
    expect(phone.status).toBe(200);
    expect((await phone.json()).counts.phone).toBe(1);
    expect(await h.database.db.survey.count({ where: { ticketId: done, status: "phone" } })).toBe(1);
    etag = phone.headers.get("etag")!;
    h.advance(1);
    expect((await poll(etag)).status).toBe(200);
  });

  it("uploads the form's photos to the clerk's own chat for their file_ids, filed with the ticket", async () => {
    const desk = c.client(s.desk);
    const form = { public: true, location: "北门", category: "water", description: "管道漏水", phone: "13800138000" };
    const picture = Buffer.from("\x89PNG a photo of the leak").toString("base64");
    const tooMany = await desk.post("api/intake", { ...form, photos: Array(6).fill(picture) });
    expect(await tooMany.json()).toMatchObject({ field: "photos", message: expect.stringContaining("最多 5 张") });
    const res = await desk.post("api/intake", { ...form, photos: [`data:image/png;base64,${picture}`, picture] });
    expect(res.status).toBe(200);
    const uploads = h.fake.calls.filter((x) => x.method === "sendPhoto");
    const clerk = String(s.desk.telegramId);
    expect(uploads.map((x) => String(x.payload.chat_id))).toEqual([clerk, clerk]);
    const photos = await h.database.db.ticketPhoto.findMany({ where: { ticketId: (await res.json()).ticketId } });
    const uploaded = expect.stringMatching(/^UPLOADED-/);
    expect(photos.map((p) => p.fileId)).toEqual([uploaded, uploaded]);
    expect(new Set(photos.map((p) => p.fileId)).size).toBe(2);
  });

  it("shows 50 lines and counts them all, with a filter or without", async () => {
    for (let i = 0; i < 52; i++) await reported(h.database, s, h.now());
    const desk = c.client(s.desk);
    const { category } = (await (await desk.get("api/queue")).json()).lines[0];
    for (const filter of ["", "?group=unaccepted", `?category=${category}`]) {
      const q = await (await desk.get(`api/queue${filter}`)).json();
      const seen = { filter, lines: q.lines.length, total: q.total, unaccepted: q.counts.unaccepted };
      expect(seen).toEqual({ filter, lines: 50, total: 52, unaccepted: 52 });
    }
  });

  it("says what is wrong with a form in a sentence, and files nothing", async () => {
    const desk = c.client(s.desk);
    const cases: [object, string, string][] = [
      [{ category: "water", description: "x", phone: "13800138000" }, "home", "请从提示中选择房屋"],
      [{ public: true, category: "water", description: "x", phone: "13800138000" }, "location", "请填写公共区域的具体位置"],
      [{ public: true, location: "北门", category: "boiler", description: "x", phone: "13800138000" }, "category", "请选择类别"],
      [{ public: true, location: "北门", category: "water", description: " ", phone: "13800138000" }, "description", "请描述故障"],
      [{ public: true, location: "北门", category: "water", description: "x", phone: "12" }, "phone", "请填写可以联系的电话"],
    ];
    for (const [body, field, sentence] of cases) {
      const res = await desk.post("api/intake", body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ field, message: expect.stringContaining(sentence) });
    }
    expect(await h.database.db.ticket.count()).toBe(0);
    expect((await fetch(`${c.url}api/intake`, { method: "POST", body: "{", headers: { authorization: `tma ${c.initData(s.desk.telegramId)}` } })).status).toBe(400);
  });
});

describe("a ticket's actions", () => {
  it("assigns to a named technician with the same event as the chat's button, and shows the new state at once", async () => {
    const viaConsole = await reported(h.database, s, h.now());
    const viaChat = await reported(h.database, s, h.now());
    const desk = c.client(s.desk);
    const page = await (await desk.get(`api/tickets/${viaConsole}`)).json();
    expect(page.actions).toEqual(expect.arrayContaining(["assign", "pool", "cancel", "note", "priority", "rework-link"]));
    const tech = s.technicians[1]!;
    expect(page.candidates).toContainEqual({ id: tech.id, label: expect.stringContaining(tech.name) });
    const noTech = await desk.post(`api/tickets/${viaConsole}/assign`, {});
    expect(await noTech.json()).toMatchObject({ field: "technician", message: "请选择维修人员。" });
    const res = await (await desk.post(`api/tickets/${viaConsole}/assign`, { technicianId: tech.id })).json();
    expect(res.message).toContain(`已指派给`);
    expect(res.ticket.timeline.at(-1)).toContain("钱客服");
    expect(res.ticket.technician).toBe(""); // offered to them alone until they accept, as in chat

    await h.user(Number(s.desk.telegramId), "钱客服").pressData(packCallback("cpick", viaChat, String(tech.id)));
    const strip = (e: { action: string; data: object }[]) => e.map((x) => ({ ...x, data: Object.keys(x.data).sort() }));
    expect(strip(await events(viaConsole))).toEqual(strip(await events(viaChat)));
    expect((await events(viaConsole)).at(-1)).toMatchObject({ action: "assigned", data: { technicianId: tech.id, reason: "" } });
  });

  it("back to the pool says how many were reached; a note, priority and cancel need a reason and write the chat's events", async () => {
    const id = await reported(h.database, s, h.now());
    const desk = c.client(s.desk);
    const noReason = await desk.post(`api/tickets/${id}/pool`, { reason: "" });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).message).toBe("请填写原因（不超过 500 字）。");
    const pool = await (await desk.post(`api/tickets/${id}/pool`, { reason: "重新派单" })).json();
    expect(pool.message).toMatch(/已推送给 2 位值班维修人员/);
    await h.database.db.person.updateMany({ where: { id: { in: s.technicians.map((t) => t.id) } }, data: { onDuty: false } });
    const nobody = await (await desk.post(`api/tickets/${id}/pool`, { reason: "再试" })).json();
    expect(nobody.message).toContain("没有推送到任何人");
    await desk.post(`api/tickets/${id}/note`, { reason: "业主下午在家" });
    await desk.post(`api/tickets/${id}/priority`, { priority: "urgent", reason: "老人独居" });
    const cancelled = await (await desk.post(`api/tickets/${id}/cancel`, { reason: "业主自行修好" })).json();
    expect(cancelled.ticket.status).toBe("cancelled");
    expect(cancelled.ticket.actions).not.toContain("cancel");
    expect((await events(id)).map((e) => e.action)).toEqual(
      expect.arrayContaining(["returned-to-pool", "note", "priority-changed", "cancelled"]));
    expect((await events(id)).find((e) => e.action === "note")!.data).toEqual({ text: "业主下午在家" });
    const late = await desk.post(`api/tickets/${id}/note`, { reason: "x" });
    expect(late.status).toBe(200); // a note is still allowed on a cancelled ticket, as in chat
    expect((await desk.post(`api/tickets/${id}/cancel`, { reason: "again" })).status).toBe(409);
    expect((await desk.post(`api/tickets/${id}/explode`, { reason: "x" })).status).toBe(404);
  });
});

describe("催办 and the phone callback", () => {
  it("chases the technician as the card's 📣 button does, at most once every two hours, with the refusal in words", async () => {
    const tech = s.technicians[0]!;
    const [viaConsole, viaChat] = [await reported(h.database, s, h.now()), await reported(h.database, s, h.now())];
    const desk = c.client(s.desk);
    expect((await (await desk.get(`api/tickets/${viaConsole}`)).json()).actions).not.toContain("chase"); // nobody holds it
    for (const id of [viaConsole, viaChat]) value(await acceptJob(h.database, tech.id, id, h.now()));
    expect((await (await desk.get(`api/tickets/${viaConsole}`)).json()).actions).toContain("chase");
    const first = await (await desk.post(`api/tickets/${viaConsole}/chase`, {})).json();
    expect(first.message).toMatch(/已催促工单 .+ 的维修人员（第 1 次）/);
    expect(first.ticket.urges).toBe(1);
    expect(await sent(h.database, "urge-technician-desk", tech.id)).toHaveLength(1);
    const again = await desk.post(`api/tickets/${viaConsole}/chase`, {});
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: "TOO_SOON", message: "这张工单 2 小时内已催过，维修人员已收到提醒，请稍后再催。" });

    await h.user(Number(s.desk.telegramId), "钱客服").pressData(packCallback("cchase", viaChat));
    const strip = (e: { action: string; data: object }[]) => e.map((x) => ({ ...x, data: Object.keys(x.data).sort() }));
    expect(strip(await events(viaConsole))).toEqual(strip(await events(viaChat)));
    expect((await events(viaConsole)).at(-1)).toMatchObject({ action: "urged", data: { urges: 1, by: "desk" } });
    h.setNow(addMinutes(h.now(), 121));
    expect((await (await desk.post(`api/tickets/${viaConsole}/chase`, {})).json()).message).toContain("第 2 次");
  });

  it("records the owner's answer to a phone callback with /callbacks' domain call, and only while one waits", async () => {
    const id = await completed(h.database, s, h.now());
    const desk = c.client(s.desk);
    const before = await (await desk.get(`api/tickets/${id}`)).json();
    expect(before.actions).not.toContain("phone");
    expect(before.phoneCallback).toBeNull();
    expect((await desk.post(`api/tickets/${id}/phone`, { rating: 5 })).status).toBe(409); // the owner is asked first
    await h.database.db.person.update({ where: { id: s.owner.id }, data: { blockedAt: h.now() } }); // straight to the desk
    h.setNow(addMinutes(h.now(), 120));
    await runCallbacks(h.database, h.now());
    const page = await (await desk.get(`api/tickets/${id}`)).json();
    expect(page.actions).toContain("phone");
    expect(page.phoneCallback).toEqual({ owner: s.owner.name, phone: expect.any(String) });
    const bad = await desk.post(`api/tickets/${id}/phone`, { rating: 7 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: "rating", message: "请选择业主给的评分（1–5）。" });
    const res = await (await desk.post(`api/tickets/${id}/phone`, { rating: 2, comment: " 师傅迟到 " })).json();
    expect(res.message).toMatch(/已记录工单 .+ 的电话回访：2 不满意。.*已自动生成跟进事项 #\d+/);
    expect(res.ticket).toMatchObject({ status: "closed", phoneCallback: null });
    expect(res.ticket.actions).not.toContain("phone");
    expect(await events(id)).toContainEqual({ action: "rated", data: { rating: 2, channel: "phone", comment: "师傅迟到" } });
    const survey = await h.database.db.survey.findUniqueOrThrow({ where: { ticketId: id } });
    expect(survey).toMatchObject({ status: "answered", channel: "phone", answeredBy: s.desk.id });
    const twice = await desk.post(`api/tickets/${id}/phone`, { rating: 4 });
    expect(twice.status).toBe(409);
  });
});

describe("the desk's quote", () => {
  const PRICES = "编号,名称,单位,单价,类别\nA01,更换水龙头,个,35,工时\nM01,PPR水管,米,12.5,材料\n";
  /** A job in hand (accepted by the first technician) at a property with a price list. */
  async function inHand() {
    if ((await h.database.db.priceItem.count()) === 0) {
      value(await importPrices(h.database, s.supervisor.id, s.property.id, PRICES, h.now()));
    }
    const id = await reported(h.database, s, h.now());
    value(await acceptJob(h.database, s.technicians[0]!.id, id, h.now()));
    return id;
  }
  const quotes = (ticketId: number) => h.database.db.quote.findMany({ where: { ticketId } });
  const strip = (e: { action: string; data: object }[]) => e.map((x) => ({ ...x, data: Object.keys(x.data).sort() }));

  it("previews and sends with /quote's domain calls: the chat's events and messages, one quote for a double submit", async () => {
    const [viaConsole, viaChat] = [await inHand(), await inHand()];
    const desk = c.client(s.desk);
    const page = await (await desk.get(`api/tickets/${viaConsole}`)).json();
    expect(page.actions).toContain("quote");
    expect(page.quote).toMatchObject({ may: true, chargeable: false, latest: null });
    expect(page.quote.reasons).toContainEqual({ value: "in_home", label: "户内设施维修" });
    expect(page.quote.prices).toEqual([
      { code: "A01", label: "A01 更换水龙头（35.00 元/个）" }, { code: "M01", label: "M01 PPR水管（12.50 元/米）" },
    ]);
    const url = `api/tickets/${viaConsole}/quote-preview`;
    const noReason = await desk.post(url, { lines: [{ code: "A01", quantity: 2 }] });
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({ field: "charge-reason", message: "请选择需要业主付费的原因。" });
    const empty = await desk.post(url, { reason: "in_home", lines: [], text: " " });
    expect(await empty.json()).toMatchObject({ field: "quote", message: expect.stringContaining("请填写报价项目") });
    const unknown = await desk.post(url, { reason: "in_home", text: "Z99 1" });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).message).toBe("第 1 行「Z99 1」：价目表中没有这个编号");

    const form = { reason: "in_home", lines: [{ code: "A01", quantity: 2 }], text: "M01 1.5" };
    const preview = await (await desk.post(url, form)).json();
    expect(preview.lines).toEqual([
      { name: "更换水龙头", quantity: "2个", price: "35.00", amount: "70.00", own: false, above: false },
      { name: "PPR水管", quantity: "1.5米", price: "12.50", amount: "18.75", own: false, above: false },
    ]);
    expect(preview.notes).toEqual(["合计：88.75 元"]);
    expect((await events(viaConsole)).map((e) => e.action)).not.toContain("marked-chargeable"); // a preview writes nothing
    expect((await desk.post(`api/tickets/${viaConsole}/quote`, form)).status).toBe(400); // no key: not sent

    const send = () => desk.post(`api/tickets/${viaConsole}/quote`, { ...form, key: "form-0001-abcd" });
    const res = await (await send()).json();
    expect(res.message).toBe("✅ 第 1 版报价（88.75 元）已发给业主，业主确认后即可开工。");
    expect(res.ticket.quote.latest).toMatchObject({ version: 1, status: "sent", notes: ["合计：88.75 元"] });
    expect(res.ticket.quote.chargeable).toBe(true);
    expect(res.ticket.timeline.slice(-2)).toEqual([
      expect.stringMatching(/钱客服 · 确认为有偿服务（户内设施维修）$/), expect.stringMatching(/钱客服 · 报价$/),
    ]);
    const twice = await (await send()).json();
    expect(twice.message).toContain("无需重复提交");
    expect(await quotes(viaConsole)).toHaveLength(1);

    const chat = h.user(Number(s.desk.telegramId), "钱客服");
    const number = (await h.database.db.ticket.findUniqueOrThrow({ where: { id: viaChat } })).number;
    await chat.send(`/quote ${number}`);
    await chat.press("户内设施维修");
    await chat.send("A01 2\nM01 1.5");
    await chat.press("发送报价");
    expect(strip(await events(viaConsole))).toEqual(strip(await events(viaChat)));
    expect((await events(viaConsole)).slice(-2)).toEqual([
      { action: "marked-chargeable", data: { reason: "in_home" } },
      { action: "quote-created", data: { version: 1, totalFen: 8875, status: "sent", replaced: 0, ownersReached: 1 } },
    ]);
    const toOwner = await sent(h.database, "paid-quote-owner", s.owner.id);
    expect(toOwner.map((m) => JSON.parse(m.params).total)).toEqual(["88.75", "88.75"]);
    expect((await quotes(viaConsole))[0]).toMatchObject({ createdById: s.desk.id, totalFen: 8875, status: "sent" });
  });

  it("sends a quote above the list to the supervisor first, says the agreement amount, and refuses the control room", async () => {
    const id = await inHand();
    const sup = c.client(s.supervisor);
    const form = { reason: "owner_request", lines: [{ code: "A01", quantity: 1, price: "50" }], text: "+ 定制柜门 1 600" };
    const preview = await (await sup.post(`api/tickets/${id}/quote-preview`, form)).json();
    expect(preview.lines.map((l: { above: boolean }) => l.above)).toEqual([true, true]);
    expect(preview.notes).toEqual([
      "合计：650.00 元", expect.stringContaining("将先送主管审批"), "📝 金额超过 500.00 元：须与业主签订协议并提前收费。",
    ]);
    // a double click: two requests with the form's one key make one quote and mark the job once
    const [a, b] = await Promise.all([0, 1].map(() => sup.post(`api/tickets/${id}/quote`, { ...form, key: "double-click-1" })));
    expect([a!.status, b!.status]).toEqual([200, 200]);
    expect((await a!.json()).message).toContain("已提交主管审批");
    expect(await quotes(id)).toEqual([expect.objectContaining({ status: "review", needsAgreement: true, version: 1 })]);
    expect((await events(id)).filter((e) => e.action.startsWith("quote") || e.action === "marked-chargeable").map((e) => e.action))
      .toEqual(["marked-chargeable", "quote-created"]);
    expect(await sent(h.database, "paid-quote-review", s.supervisor.id)).toHaveLength(1);
    expect(await sent(h.database, "paid-quote-owner", s.owner.id)).toHaveLength(0);

    const control = c.client(s.control);
    const seen = await (await control.get(`api/tickets/${id}`)).json();
    expect(seen.quote).toBeNull();
    expect(seen.actions).not.toContain("quote");
    const refused = await control.post(`api/tickets/${id}/quote`, { ...form, key: "control-room-1" });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: "FORBIDDEN", message: "抱歉，您没有权限进行此操作。" });
    const open = await reported(h.database, s, h.now());
    expect((await (await c.client(s.desk).get(`api/tickets/${open}`)).json()).actions).not.toContain("quote");
    const early = await c.client(s.desk).post(`api/tickets/${open}/quote`, { ...form, key: "not-in-hand-1" });
    expect(early.status).toBe(409);
    expect((await early.json()).message).toBe("当前状态下不能进行此操作。");
    expect(await h.database.db.quote.count()).toBe(1);
  });
});

describe("complaints and figures", () => {
  it("lists open complaints with deadlines; classifies, names a handler and records a result", async () => {
    const filed = value(await fileComplaint(h.database, { propertyId: s.property.id, complainantId: s.owner.id, description: "师傅态度差" }, h.now()));
    const desk = c.client(s.desk);
    const list = (await (await desk.get("api/complaints")).json()).complaints;
    expect(list).toEqual([expect.objectContaining({ number: filed.number, category: "none", handlers: expect.arrayContaining([{ id: s.desk.id, name: "钱客服" }]) })]);
    expect((await desk.post(`api/complaints/${filed.complaintId}/classify`, { category: "attitude", urgent: true, valid: true })).status).toBe(200);
    expect((await desk.post(`api/complaints/${filed.complaintId}/handler`, { handlerId: s.supervisor.id })).status).toBe(200);
    const empty = await desk.post(`api/complaints/${filed.complaintId}/result`, { result: "" });
    expect((await empty.json()).message).toContain("请填写原因");
    expect((await desk.post(`api/complaints/${filed.complaintId}/result`, { result: "已向业主致歉" })).status).toBe(200);
    const actions = (await h.database.db.event.findMany({ where: { complaintId: filed.complaintId } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["complaint-classified", "complaint-assigned"]));
    expect(await h.database.db.complaint.findUniqueOrThrow({ where: { id: filed.complaintId } })).toMatchObject({ status: "answered" });
    expect((await c.client(s.technicians[0]!).get("api/complaints")).status).toBe(403);
  });

  it("gives supervisors /report's figures, chart and the month's CSV; the desk is refused", async () => {
    await reported(h.database, s, h.now());
    const sup = c.client(s.supervisor);
    const f = await (await sup.get(`api/figures?property=${s.property.id}&period=month`)).json();
    expect(f.title).toContain("BX Garden");
    expect(f.figures.length).toBeGreaterThan(5);
    expect(f.chart).toMatch(/^data:image\/png;base64,/);
    const csv = await sup.get(`api/figures.csv?property=${s.property.id}&month=${f.month}`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toContain("BX-2026-11.csv");
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs
    const text = bytes.toString("utf8");
    expect(text).toContain("BX-20261123-0001");
    const desk = c.client(s.desk);
    expect((await desk.get(`api/figures?property=${s.property.id}`)).status).toBe(403);
    expect((await desk.get(`api/figures.csv?property=${s.property.id}&month=2026-11`)).status).toBe(403);
  });
});

describe("/desk", () => {
  it("opens the console for the office when WEBAPP_URL is set, says how to turn it on otherwise, and refuses owners", async () => {
    const desk = h.user(Number(s.desk.telegramId), "钱客服");
    await desk.send("/desk");
    expect(desk.lastText()).toContain("WEBAPP_URL");
    h.deps.config.webapp = { url: "https://desk.example.com/console/", path: "/console/", host: "127.0.0.1", port: 0 };
    h.restart();
    const reply = (await desk.send("/desk")).at(-1)!;
    expect(reply.payload.reply_markup.inline_keyboard[0][0]).toMatchObject({ web_app: { url: "https://desk.example.com/console/" } });
    expect(buttonsOf(reply)).toHaveLength(1);
    const owner = h.user(Number(s.owner.telegramId), "王阿姨");
    await owner.send("/desk");
    expect(owner.lastText()).toContain("客服工作台仅供前台、中控室和主管使用");
  });
});

describe("serving", () => {
  it("WEBAPP_URL must be https; its path is where the console is served", () => {
    const env = { BOT_TOKEN: `123456:${"A".repeat(35)}`, ADMIN_TELEGRAM_IDS: "1" };
    const bad = parseConfig({ ...env, WEBAPP_URL: "http://desk.example.com/console/" });
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining("WEBAPP_URL is invalid") });
    const root = parseConfig({ ...env, WEBAPP_URL: "https://desk.example.com" });
    expect(root.ok && root.config.webapp).toMatchObject({ url: "https://desk.example.com/console/", path: "/console/", port: 8080 });
    const own = parseConfig({ ...env, WEBAPP_URL: "https://desk.example.com/desk", WEBHOOK_PORT: "9000" });
    expect(own.ok && own.config.webapp).toMatchObject({ url: "https://desk.example.com/desk/", path: "/desk/", port: 9000 });
    expect((parseConfig(env) as { config: { webapp: unknown } }).config.webapp).toBeNull();
  });

  it("in long polling, a server of its own serves the console and /healthz", async () => {
    const serve = createConsole({ database: h.database, clock: h.now, log: h.deps.log, botToken: TOKEN, basePath: "/console/" });
    const receiving = await startReceiving(h.bot, {
      config: { webhook: null }, database: h.database, clock: h.now, log: h.deps.log, senderHolder: "test",
      onFatal: () => undefined, console: { serve, host: "127.0.0.1", port: 0 },
    });
    try {
      const base = `http://127.0.0.1:${receiving.port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/console/`)).headers.get("content-security-policy")).toContain("default-src 'none'");
      expect((await fetch(`${base}/console`, { redirect: "manual" })).headers.get("location")).toBe("/console/");
      expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
    } finally {
      await receiving.stop();
    }
  });

  it("gives the office staff a menu button that opens the console, and nobody else", async () => {
    await setConsoleMenus(h.bot.api, h.database, "https://desk.example.com/console/", h.deps.log);
    const calls = h.fake.calls.filter((x) => x.method === "setChatMenuButton");
    expect(calls.map((x) => Number(x.payload.chat_id)).sort()).toEqual(
      [s.supervisor, s.desk, s.control].map((p) => Number(p.telegramId)).sort());
    expect(calls[0]!.payload.menu_button).toEqual({
      type: "web_app", text: "工作台", web_app: { url: "https://desk.example.com/console/" },
    });
  });
});
