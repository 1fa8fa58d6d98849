// Typed times read in the property's zone (DOMAIN step 1: a convenient time), or null to let people agree one.
import { describe, expect, it } from "vitest";
import { parseTypedTime } from "../../src/domain/typed-time.ts";
import { formatLocal } from "../../src/domain/time.ts";

const NOW = new Date("2026-11-23T02:00:00Z"); // Monday 10:00 in Shanghai
const read = (text: string, tz = "Asia/Shanghai") => {
  const at = parseTypedTime(text, NOW, tz);
  return at ? formatLocal(at, tz) : null;
};

describe("a typed time", () => {
  it.each([
    ["周六上午", "2026-11-28 09:00"],
    ["星期六下午", "2026-11-28 14:00"],
    ["明天 9 点", "2026-11-24 09:00"],
    ["明天上午十点半", "2026-11-24 10:30"],
    ["下午3点半", "2026-11-23 15:30"],
    ["后天晚上7点", "2026-11-25 19:00"],
    ["9点", "2026-11-24 09:00"], // already past today: tomorrow
    ["14:00", "2026-11-23 14:00"],
    ["tomorrow 2pm", "2026-11-24 14:00"],
    ["周一上午", "2026-11-30 09:00"], // this Monday's morning is over: next week
  ])("%s → %s", (text, expected) => expect(read(text)).toBe(expected));

  it.each(["周六", "有空再说", "上午", "今天 8 点", "25点"])("%s cannot be read: people agree a time", (text) => {
    expect(read(text)).toBeNull();
  });

  it("is read on the property's clock, not the server's", () => {
    expect(read("明天 9 点", "America/New_York")).toBe("2026-11-23 09:00"); // 21:00 Sunday there: "tomorrow" is Monday
  });
});
