// How a property office gets started, as the admin sees it in the chat: property, homes (command and
// CSV upload), owner codes, staff invites, the people table, revoking a role.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, textOf, type Harness } from "../helpers/bot-harness.ts";
import { nextTelegramId } from "../helpers/fixtures.ts";

let h: Harness;
const ADMIN = nextTelegramId();
beforeEach(async () => { h = await createHarness({ adminIds: [ADMIN] }); });
afterEach(async () => { await h.close(); });

const last = async (p: Promise<{ method: string; payload: any }[]>) => textOf((await p).at(-1));
const codeIn = (text: string) => /start=([A-Z0-9]+)/.exec(text)?.[1] ?? "";

describe("admin", () => {
  it("sets up a property, imports homes from a CSV, issues codes and invites that people then use", async () => {
    const admin = h.user(ADMIN, "陈经理");
    expect(await last(admin.send("/newproperty BX 碧溪花园"))).toContain("已创建项目 BX 碧溪花园");
    expect(await last(admin.send("/newproperty BX 另一个"))).toContain("已存在");
    expect(await last(admin.send("/newproperty"))).toContain("用法");
    const added = await last(admin.send("/addunit BX 3-1-502 3-1"));
    expect(added).toContain("3-1-502 已添加");
    expect(added).toContain("格式不对");

    h.fake.files.set("CSV-1", "\uFEFF楼栋,单元,房号\n1,1,101\n1,1,102\n3,1,502\n坏行\n");
    const imported = await admin.document("CSV-1", "units.csv", "/import BX");
    expect(imported.map(textOf).join("\n")).toContain("正在导入");
    const report = imported.filter((c) => c.method === "editMessageText").map(textOf).join("\n");
    expect(report).toContain("新增 2 户，已存在 1 户，有问题的行 1 行");
    expect(report).toContain("第 5 行「坏行」");
    expect(await h.database.db.unit.count()).toBe(3);

    const units = (await admin.send("/units BX")).at(-1)!;
    expect(textOf(units)).toContain("共 3 户");
    expect(textOf(units)).toMatch(/1-1-101\s+0/);
    expect(units.payload.entities).toEqual([expect.objectContaining({ type: "pre" })]);

    const ownerCode = codeIn(await last(admin.send("/ownercode BX 3-1-502")));
    expect(ownerCode).toMatch(/^H/);
    expect(await last(admin.send("/ownercode BX 9-9-999"))).toContain("没有房屋 9-9-999");
    const techInvite = codeIn(await last(admin.send("/invite BX technician water,electricity")));
    expect(techInvite).toMatch(/^S/);
    expect(await last(admin.send("/invite BX wizard"))).toContain("用法");

    const owner = h.user(nextTelegramId(), "王阿姨");
    expect(await last(owner.send(`/start ${ownerCode}`))).toContain("已绑定 碧溪花园 3-1-502");
    const tech = h.user(nextTelegramId(), "李师傅");
    const joined = await tech.send(`/start ${techInvite}`);
    expect(joined.map(textOf).join("\n")).toContain("您的岗位：维修人员。技能：给排水、电路。");
    const menu = joined.find((c) => c.method === "setMyCommands");
    expect(menu?.payload.scope).toEqual({ type: "chat", chat_id: tech.id });
    expect(menu?.payload.commands.map((c: { command: string }) => c.command).slice(0, 3)).toEqual(["jobs", "duty", "repair"]);

    const people = textOf((await admin.send("/people BX")).at(-1));
    expect(people).toContain("李师傅");
    expect(people).toContain("维修人员 BX（给排水、电路）"); // roles in words, not technician@BX(water)
    expect(people).not.toContain("technician@");
    expect(people).toContain("BX 3-1-502");

    const techRow = await h.database.db.person.findFirstOrThrow({ where: { name: "李师傅" } });
    expect(await last(admin.send(`/revoke ${techRow.id} technician`))).toContain("已撤销");
    expect(await last(tech.send("/jobs"))).toContain("仅限维修人员");
    expect(await last(admin.send(`/revoke ${techRow.id} technician`))).toContain("没有这个岗位");
  });

  it("refuses admin commands to others, politely, in their language", async () => {
    const owner = h.user(nextTelegramId(), "Mary", "zh-hans");
    expect(await last(owner.send("/newproperty XX Nope"))).toContain("仅限管理员");
    await owner.send("/language");
    await owner.press("English");
    expect(await last(owner.send("/people"))).toContain("for admins only");
    expect(await last(owner.send("/ownercode BX 1-1-101"))).toContain("for admins only");
    expect(await h.database.db.property.count()).toBe(0);
    // a document from a non-admin is not an import
    expect(await last(owner.document("CSV-X", "x.csv", "/import BX"))).toContain("don't know that command");
  });
  it("shows and changes a property's time limits as a table", async () => {
    const admin = h.user(ADMIN, "陈经理");
    await admin.send("/newproperty BX 碧溪花园");
    const shown = (await admin.send("/settings BX")).at(-1)!;
    expect(textOf(shown)).toMatch(/callbackDelayMin\s+120\s+完工后多久回访/);
    expect(textOf(shown)).toMatch(/timezone\s+Asia\/Shanghai/);
    expect(shown.payload.entities).toEqual([expect.objectContaining({ type: "pre" })]);
    expect(await last(admin.send("/settings BX callbackDelayMin 90"))).toContain("已由 120 改为 90");
    expect(await last(admin.send("/settings BX dispatchTimeoutMin 30"))).toContain("超出服务标准");
    expect((await h.database.db.property.findFirstOrThrow()).dispatchTimeoutMin).toBe(5);
    expect(textOf(shown)).toMatch(/incidentWindowMin\s+120\s/);
    expect(await last(admin.send("/settings BX incidentWindowMin 0"))).toContain("已由 120 改为 0");
    expect((await h.database.db.property.findFirstOrThrow()).incidentWindowMin).toBe(0);
  });
});
