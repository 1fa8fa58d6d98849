// The sandbox in a real browser: headless Chromium (Debian's package, driven by puppeteer-core)
// goes around the loop on the page's phones: report → accept → done → rating, then moves the
// clock. What the page shows is what the bot sent to the fake Bot API. Screenshot: .tmp/sandbox.png
import { existsSync, mkdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../src/sandbox/sandbox.ts";
import { reportFault } from "../../src/domain/tickets/report.ts";
import { TEST_DB } from "../helpers/db-settings.ts";

const CHROMIUM = "/usr/bin/chromium";
const quiet = {
  info: () => undefined, warn: () => undefined,
  error: (m: string, e?: object) => void errors.push(`${m} ${JSON.stringify(e)}`),
};
const errors: string[] = [];
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let browser: Browser;
let page: Page;

/** Waits until the bot is quiet (no new call for 400 ms) and the page shows the latest state. */
async function settle() {
  let last = -1;
  for (let i = 0; i < 100; i++) {
    const { version } = await (await fetch(`${sandbox.url}/api/state`)).json() as { version: number };
    const shown = await page.evaluate(() => document.body.dataset.version);
    if (version === last && shown === String(version)) return;
    last = version;
    await new Promise((r) => setTimeout(r, 400));
  }
  throw new Error("the sandbox did not settle");
}

const phone = (key: string) => `[data-phone="${key}"]`;
const textIn = (key: string) => page.$eval(`${phone(key)} .chat`, (e) => (e as HTMLElement).innerText);

async function waitForText(key: string, text: string) {
  const shows = (sel: string, t: string) => document.querySelector(sel)?.textContent?.includes(t);
  const chat = `${phone(key)} .chat`;
  const shown = await page.waitForFunction(shows, { timeout: 10_000 }, chat, text).catch(() => undefined);
  if (!shown) throw new Error(`"${text}" not shown on the ${key} phone; it shows:\n${await textIn(key)}`);
}

/**
 * Taps the button (inline, or of the reply keyboard) labelled `label` on the newest message showing
 * it, once it is there (the bot paces its replies: one message a second per chat, as Telegram wants).
 */
async function tap(key: string, label: string) {
  await settle();
  const tapped = await page.waitForFunction((sel, l) => {
    const buttons = [...document.querySelectorAll<HTMLButtonElement>(`${sel} .ibtn, ${sel} .kbtn`)].reverse();
    const b = buttons.find((x) => x.textContent?.includes(l));
    b?.click();
    return Boolean(b);
  }, { timeout: 10_000 }, phone(key), label).catch(() => undefined);
  if (!tapped) throw new Error(`no button "${label}" on the ${key} phone; it shows:\n${await textIn(key)}`);
  await settle();
}

async function type(key: string, text: string) {
  await page.type(`${phone(key)} .composer input`, text);
  await page.keyboard.press("Enter");
  await settle();
}

describe.skipIf(TEST_DB === "postgresql")("the sandbox page (SQLite by design: skipped on the PostgreSQL pass)", () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
    mkdirSync(".tmp", { recursive: true });
    sandbox = await startSandbox({
      databaseUrl: `file:.tmp/sandbox-${randomBytes(4).toString("hex")}.db`,
      start: new Date("2026-11-23T02:00:00Z"), // Monday 10:00 in Shanghai, office hours
      log: quiet,
    });
    const args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--font-render-hinting=none"];
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args });
    page = await browser.newPage();
    await page.setViewport({ width: 2020, height: 760 });
    await page.goto(sandbox.url, { waitUntil: "domcontentloaded" });
    page.setDefaultTimeout(10_000);
    await page.waitForSelector(phone("admin"));
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it("goes around the loop: report, accept, done, rating, and the clock moves on", async () => {
    await type("owner", "/repair");
    await tap("owner", "3-1-502");
    await tap("owner", "给排水");
    await type("owner", "厨房水龙头一直滴水");
    await page.click(`${phone("owner")} .attach`);
    await page.click(`${phone("owner")} .picker img[data-id="SANDBOX-PHOTO-tap"]`);
    await settle();
    await tap("owner", "照片发完了");
    await tap("owner", "不紧急");
    await tap("owner", "家里有人");
    await tap("owner", "尽快");
    await tap("owner", "📞"); // the reply keyboard's share-phone button
    await tap("owner", "确认提交");
    await waitForText("owner", "DEMO-20261123-0001");

    await waitForText("technician", "新工单");
    expect(await page.$$(`${phone("technician")} .chat img`)).not.toHaveLength(0); // the owner's photo, forwarded
    await tap("technician", "接单");
    await waitForText("owner", "李师傅");
    // the job card's clock runs down with the sandbox's clock: the card message is edited in place
    await waitForText("technician", "还剩 30 分钟");
    await page.click('header button[data-minutes="10"]');
    await waitForText("technician", "还剩 20 分钟");
    expect(await textIn("technician")).not.toContain("还剩 30 分钟");
    await tap("technician", "已到场");
    await tap("technician", "已完成");
    await type("technician", "换了阀芯");
    await tap("technician", "跳过");
    await waitForText("technician", "已请业主确认");

    await waitForText("owner", "换了阀芯");
    await tap("owner", "已修好");
    await tap("owner", "5 很满意");
    await waitForText("owner", "5 分");
    const ticket = await sandbox.database.db.ticket.findFirstOrThrow({ include: { survey: true } });
    expect(ticket.status).toBe("closed");
    expect(ticket.survey?.rating).toBe(5);

    const before = sandbox.clock().getTime();
    const shown = await page.$eval("#clock", (e) => e.textContent);
    await page.click('header button[data-minutes="1440"]');
    await page.waitForFunction((t) => document.getElementById("clock")?.textContent !== t, {}, shown);
    expect(sandbox.clock().getTime() - before).toBeGreaterThanOrEqual(86_400_000);
    await waitForText("desk", "每日工单日清"); // the close-out of Monday, due at 17:30, sent by the sweep
    await waitForText("supervisor", "每日工单日清");
    await settle();
    await page.screenshot({ path: ".tmp/sandbox.png" });
    expect(errors).toEqual([]);
  }, 60_000);

  it("shows the team group as a panel: the board, and a press there accepts", async () => {
    // the first job's post in the group says who took it (accepted from the private offer above)
    await waitForText("group", "已由 李师傅 接单");
    const db = sandbox.database.db;
    const owner = await db.person.findFirstOrThrow({ where: { name: "王阿姨" } });
    const unit = await db.unitMember.findFirstOrThrow({ where: { personId: owner.id } });
    const input = {
      reporterId: owner.id, unitId: unit.unitId, category: "electricity", description: "客厅插座没电", emergency: false,
      access: "home", preferredTime: "asap", phone: "13800138000", photos: [],
    };
    const number = (await reportFault(sandbox.database, input, sandbox.clock()) as { value: { number: string } }).value.number;
    await waitForText("group", number);
    const board = await textIn("group");
    expect(board).toContain("派单时限");
    expect(board).not.toContain("13800138000");
    expect(board).not.toContain("王阿姨");
    await page.select(`${phone("group")} select.as`, "supervisor");
    await tap("group", "接单"); // not a technician: answered on the button, nothing changes
    expect((await db.ticket.findUniqueOrThrow({ where: { number } })).status).toBe("open");
    await page.select(`${phone("group")} select.as`, "technician");
    await tap("group", "接单");
    await waitForText("group", `${number}（3-1-502，电路）已由 李师傅 接单`);
    await waitForText("technician", `您已接单 ${number}`);
    expect((await db.ticket.findUniqueOrThrow({ where: { number } })).status).toBe("accepted");
    await page.screenshot({ path: ".tmp/sandbox-group.png" });
    expect(errors).toEqual([]);
  }, 60_000);

  it("shows the report's tables whole, opens the chart full size, and hints in one language", async () => {
    await type("supervisor", "/report DEMO");
    await waitForText("supervisor", "服务绩效");
    await page.waitForSelector(`${phone("supervisor")} .chat img`);
    await settle();
    const cut = await page.$$eval(`${phone("supervisor")} .bubble pre`, (pres) =>
      pres.map((p) => ({ scroll: p.scrollWidth, client: p.clientWidth })).filter((p) => p.scroll > p.client));
    expect(cut).toEqual([]);
    await page.screenshot({ path: ".tmp/sandbox-report.png" });
    await page.click(`${phone("supervisor")} .chat img`);
    await page.waitForSelector("#viewer.open img");
    const shown = await page.$eval("#viewer img", (i) => [(i as HTMLImageElement).clientWidth, (i as HTMLImageElement).naturalWidth]);
    expect(shown).toEqual([1000, 1000]);
    await page.screenshot({ path: ".tmp/sandbox-chart.png" });
    await page.click("#viewer");
    const hint = await page.$eval("#hint", (e) => e.textContent ?? "");
    expect(hint).toContain("09:00");
    expect(hint.replace("/repair", "")).not.toMatch(/[A-Za-z]{3,}/); // Chinese only
    await page.click("#lang");
    expect(await page.$eval("#hint", (e) => e.textContent)).toContain("Every message shown is one the bot sent");
  }, 60_000);
});
