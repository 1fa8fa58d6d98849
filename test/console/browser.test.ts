// The desk console in real Chromium (Debian's, driven by puppeteer-core), opened from the sandbox as
// Telegram would open it (launch data signed with the sandbox's token): a clerk files a phone intake
// in four actions, finds it at the top of the queue and assigns it to 李师傅; he accepts in chat and
// the row changes at the next poll; she quotes the owner's extra work from the ticket screen; a
// supervisor reads the figures and downloads the CSV; an owner is refused politely.
// Screenshots: .tmp/console-*.png and .tmp/sandbox-console.png.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../src/sandbox/sandbox.ts";
import { PHONES } from "../../src/sandbox/seed.ts";
import { POLL_MS } from "../../src/console/poll.ts";
import { TEST_DB } from "../helpers/db-settings.ts";

const CHROMIUM = "/usr/bin/chromium";
const errors: string[] = [];
const quiet = {
  info: () => undefined, warn: () => undefined,
  error: (m: string, e?: object) => void errors.push(`${m} ${JSON.stringify(e)}`),
};
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let browser: Browser;
const dialogs: string[] = [];

async function open(key: string, width = 420): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  page.on("dialog", (d) => { dialogs.push(d.message()); void d.dismiss(); });
  page.on("pageerror", (e) => errors.push(`page: ${String(e)}`));
  await page.setViewport({ width, height: 860 });
  await page.goto(sandbox.url + sandbox.consoleUrl(key), { waitUntil: "domcontentloaded" });
  return page;
}

const technician = PHONES.find((p) => p.key === "technician")!;

/** The technician presses 接单 on the offer the bot sent him, as on the sandbox's phone. */
async function acceptInChat(number: string) {
  let offer: any;
  for (let i = 0; i < 50 && !offer; i++) {
    offer = sandbox.fake.chatMessages(technician.telegramId).find((m) => m.text?.includes(number)
      && m.reply_markup?.inline_keyboard?.flat().some((b: { text: string }) => b.text.includes("接单")));
    if (!offer) await new Promise((r) => setTimeout(r, 200));
  }
  expect(offer, "the named offer reached 李师傅's chat").toBeTruthy();
  const button = offer.reply_markup.inline_keyboard.flat().find((b: { text: string }) => b.text.includes("接单"));
  const res = await fetch(`${sandbox.url}/api/press`, {
    method: "POST", body: JSON.stringify({ phone: "technician", messageId: offer.message_id, data: button.callback_data }),
  });
  expect(res.status).toBe(200);
}

describe.skipIf(TEST_DB === "postgresql")("the desk console in Chromium (SQLite pass only, like the sandbox)", () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
    mkdirSync(".tmp", { recursive: true });
    sandbox = await startSandbox({
      databaseUrl: `file:.tmp/console-${randomBytes(4).toString("hex")}.db`,
      start: new Date("2026-11-23T02:00:00Z"), // Monday 10:00 in Shanghai, office hours
      log: quiet,
    });
    const args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--font-render-hinting=none"];
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args });
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it("a clerk files a phone intake in four actions, assigns it, and sees the technician's acceptance in the queue", async () => {
    const page = await open("desk");
    await page.waitForSelector('nav [data-tab="queue"].on');
    await page.waitForSelector("main .empty, table.queue");
    await page.click('nav [data-tab="intake"]');

    let actions = 0;
    await page.type('input[name="home"]', "3-1-502"); actions++; // one home matches: taken, with the owner's phone
    await page.waitForSelector(".owner");
    expect(await page.$eval('input[name="phone"]', (e) => (e as HTMLInputElement).value)).toBe("");
    await page.click('[data-category="water"]'); actions++;
    await page.type('textarea[name="description"]', "<img src=x onerror=alert(1)> 厨房水管漏水"); actions++;
    await page.type('input[name="phone"]', "13900005555"); // the sandbox's owner has no phone on record
    await page.screenshot({ path: ".tmp/console-intake.png" });
    await page.click('form.intake button[type="submit"]'); actions++;
    expect(actions).toBe(4); // + the phone, typed only because this owner never shared one
    await page.waitForSelector(".banner");
    expect(await page.$eval(".banner", (e) => e.textContent)).toContain("DEMO-20261123-0001");
    const first = await page.waitForSelector("table.queue tbody tr");
    expect(await first!.evaluate((e) => (e as HTMLElement).dataset.number)).toBe("DEMO-20261123-0001");
    expect(await first!.evaluate((e) => (e as HTMLElement).dataset.status)).toBe("open");
    await page.screenshot({ path: ".tmp/console-queue.png" });

    await first!.click();
    await page.waitForSelector('[data-action="assign"]');
    expect(await page.$eval(".description", (e) => e.textContent)).toBe("<img src=x onerror=alert(1)> 厨房水管漏水");
    expect(await page.$(".description img")).toBeNull();
    await page.click('[data-action="assign"]');
    const li = await page.$$eval('select[name="technicianId"] option', (os) =>
      os.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? ""] as const).find(([, t]) => t.includes("李师傅"))!);
    await page.select('select[name="technicianId"]', li[0]!);
    await page.click('form.action button[type="submit"]');
    await page.waitForFunction(() => document.querySelector(".banner")?.textContent?.includes("李师傅"));
    expect(await page.$eval("ol.timeline", (e) => e.textContent)).toContain("陈前台");
    await page.screenshot({ path: ".tmp/console-ticket.png", fullPage: true });
    await page.click('[data-action="chase"]'); // 催办: 李师傅 is offered the job
    await page.click('form.action button[type="submit"]');
    await page.waitForFunction(() => document.querySelector(".banner")?.textContent?.includes("已催促工单"));

    await page.click("button.back");
    await page.waitForSelector('tr[data-number="DEMO-20261123-0001"][data-status="open"]');
    await acceptInChat("DEMO-20261123-0001");
    // the next poll (every POLL_MS) shows the new state and marks the row as changed
    await page.waitForSelector('tr[data-number="DEMO-20261123-0001"][data-status="accepted"].changed', { timeout: POLL_MS + 2_000 });
    expect(await page.$eval('tr[data-number="DEMO-20261123-0001"]', (e) => e.textContent)).toContain("李师傅");
    expect(await page.$eval(".changed-note", (e) => e.textContent)).toContain("1");
    await page.screenshot({ path: ".tmp/console-queue-accepted.png" });

    // the owner asks for more than the repair: the clerk quotes from the ticket screen, as /quote in chat
    await page.click('tr[data-number="DEMO-20261123-0001"]');
    await (await page.waitForSelector('[data-action="quote"]'))!.click(); // (the ticket screen is drawn once its page came)
    await page.waitForSelector('form.quote-form select[name="reason"]');
    await page.select('form.quote-form select[name="reason"]', "in_home");
    await page.select('form.quote-form .quote-pick select[name="code"]', "W01");
    await page.click("form.quote-form .quote-add");
    await page.select('form.quote-form .quote-pick:nth-child(2) select[name="code"]', "L01");
    await page.type('form.quote-form textarea[name="text"]', "W02 1");
    await page.click('form.quote-form button[type="submit"]');
    await page.waitForSelector(".quote-preview table.quote-lines");
    expect(await page.$eval(".quote-preview", (e) => e.textContent)).toContain("合计：135.00 元");
    await page.screenshot({ path: ".tmp/console-quote-preview.png", fullPage: true });
    await page.click(".quote-preview button.quote-send");
    await page.waitForSelector('section.quote[data-quote-status="sent"]');
    expect(await page.$eval(".banner", (e) => e.textContent)).toContain("第 1 版报价（135.00 元）已发给业主");
    expect(await page.$eval("section.quote", (e) => e.textContent)).toContain("已发给业主，待业主确认");
    expect(await page.$eval("ol.timeline", (e) => e.textContent)).toContain("陈前台");
    await page.screenshot({ path: ".tmp/console-quote.png", fullPage: true });
    const owner = PHONES.find((p) => p.key === "owner")!;
    let quoted: any;
    for (let i = 0; i < 50 && !quoted; i++) {
      quoted = sandbox.fake.chatMessages(owner.telegramId).find((m) => m.text?.includes("135.00"));
      if (!quoted) await new Promise((r) => setTimeout(r, 200));
    }
    expect(quoted?.text, "the quote reached 王阿姨's chat").toContain("DEMO-20261123-0001");
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);

  it("a supervisor reads the figures and downloads the month's CSV", async () => {
    const page = await open("supervisor", 760);
    await page.waitForSelector('nav [data-tab="figures"]');
    await page.click('nav [data-tab="figures"]');
    await page.waitForSelector("table.figures");
    await page.waitForSelector("img.chart");
    const downloads = resolve(".tmp/console-downloads");
    rmSync(downloads, { recursive: true, force: true });
    mkdirSync(downloads, { recursive: true });
    const cdp = await page.createCDPSession();
    await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
    await page.click("[data-csv]");
    let files: string[] = [];
    for (let i = 0; i < 50 && !files.some((f) => f.endsWith(".csv")); i++) {
      await new Promise((r) => setTimeout(r, 200));
      files = readdirSync(downloads);
    }
    expect(files).toContain("DEMO-2026-11.csv");
    expect(readFileSync(`${downloads}/DEMO-2026-11.csv`, "utf8")).toContain("DEMO-20261123-0001");
    await page.screenshot({ path: ".tmp/console-figures.png", fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);

  it("an owner gets the polite refusal, and the sandbox shows the console beside the phones", async () => {
    const page = await open("owner");
    await page.waitForSelector(".refused");
    expect(await page.$eval(".refused", (e) => e.textContent)).toContain("业主和维修师傅请继续在与机器人的聊天中办理");

    const sandboxPage = await browser.newPage();
    await sandboxPage.setViewport({ width: 2300, height: 760 });
    await sandboxPage.goto(sandbox.url, { waitUntil: "domcontentloaded" });
    const frameHandle = await sandboxPage.waitForSelector('[data-phone="console"] iframe');
    const frame = await frameHandle!.contentFrame();
    await frame!.waitForSelector('tr[data-number="DEMO-20261123-0001"]');
    await sandboxPage.screenshot({ path: ".tmp/sandbox-console.png" });
    expect(errors).toEqual([]);
  }, 60_000);
});
