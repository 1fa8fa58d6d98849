import { describe, expect, it } from "vitest";
import { formatFen, formatQuantity, lineAmount, parseQuantity, parseYuan, sumFen } from "../../src/domain/paid/money.ts";

describe("money", () => {
  it("parses yuan the way people write it, to integer fen", () => {
    expect(parseYuan("12")).toBe(1200);
    expect(parseYuan("12.5")).toBe(1250);
    expect(parseYuan("12.50元")).toBe(1250);
    expect(parseYuan("¥0.05")).toBe(5);
    expect(parseYuan("￥1,200.00")).toBe(120000);
    expect(parseYuan("１２．５")).toBe(1250);
    expect(parseYuan(" 35 元 ")).toBe(3500);
    for (const bad of ["", "12.505", "-3", "abc", "1e3", "12,5", "0x10", "99999999999"]) expect(parseYuan(bad)).toBeUndefined();
  });

  it("formats fen with two decimals and grouped thousands", () => {
    expect(formatFen(1250)).toBe("12.50");
    expect(formatFen(5)).toBe("0.05");
    expect(formatFen(123456789)).toBe("1,234,567.89");
    expect(formatFen(123456789, { group: false })).toBe("1234567.89");
    expect(formatFen(-300)).toBe("-3.00");
    expect(() => formatFen(1.5)).toThrow();
  });

  it("parses and formats quantities in hundredths", () => {
    expect(parseQuantity("2")).toBe(200);
    expect(parseQuantity("2.5")).toBe(250);
    expect(parseQuantity("0.25")).toBe(25);
    for (const bad of ["0", "-1", "1.234", "x", "10000"]) expect(parseQuantity(bad)).toBeUndefined();
    expect(formatQuantity(250)).toBe("2.5");
    expect(formatQuantity(200)).toBe("2");
    expect(formatQuantity(25)).toBe("0.25");
  });

  it("rounds a line half up to the fen, in one place", () => {
    expect(lineAmount(1250, 200)).toBe(2500);
    expect(lineAmount(333, 150)).toBe(500); // 4.995 → 5.00
    expect(lineAmount(333, 149)).toBe(496); // 4.9617 → 4.96
    expect(lineAmount(1, 50)).toBe(1); // 0.005 → 0.01
    expect(lineAmount(1, 49)).toBe(0);
    expect(() => lineAmount(100, 0)).toThrow();
  });

  it("a total is exactly the sum of its rounded lines", () => {
    const lines = [lineAmount(333, 150), lineAmount(333, 150), lineAmount(333, 150)];
    expect(sumFen(lines)).toBe(1500);
    expect(sumFen([])).toBe(0);
  });
});
