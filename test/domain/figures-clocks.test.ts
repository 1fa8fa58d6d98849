// The report's timeliness figures use the same deadlines as the job card and the alerts; a complaint
// reopened by a dissatisfied owner is not "answered"; the footnote says what each figure counts.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { t } from "../../src/bot/i18n.ts";
import { propertyReport, type Report } from "../../src/domain/figures/report.ts";
import { testDatabase, type TestDatabase } from "../helpers/db.ts";
import { makeDesk, sh, value, type Desk } from "../jobs/site.ts";

let d: TestDatabase;
let s: Desk;
beforeEach(async () => { d = await testDatabase(); s = await makeDesk(d); });
afterEach(async () => { await d.drop(); });

const fig = (r: Report, key: string) => { const f = r.headline.figures.find((x) => x.key === key)!; return [f.num, f.den]; };
let n = 0;
const ticket = (data: Record<string, unknown> & { reportedAt: Date }) => d.db.ticket.create({
  data: {
    number: `BX-C${++n}`, propertyId: s.property.id, reporterId: s.owner.id, unitId: s.unit.id, category: "water",
    description: "x", status: "closed", assigneeId: s.technicians[0]!.id, ...data,
  },
});

describe("figures that agree with the clocks", () => {
  it("measures an emergency's arrival from the report and a booked window to its end", async () => {
    // emergency reported 09:00, accepted 09:05: the card says "09:15 前"; on site 09:17 is late
    await ticket({
      emergency: true, priority: "urgent", reportedAt: sh("2026-11-02T09:00:00"), acceptedAt: sh("2026-11-02T09:05:00"),
      arrivedAt: sh("2026-11-02T09:17:00"), completedAt: sh("2026-11-02T10:00:00"),
    });
    // booked 14:00-17:00, accepted in the morning: on site at 16:00 is on time
    await ticket({
      reportedAt: sh("2026-11-03T10:00:00"), acceptedAt: sh("2026-11-03T10:02:00"), appointmentAt: sh("2026-11-03T14:00:00"),
      arrivedAt: sh("2026-11-03T16:00:00"), completedAt: sh("2026-11-03T17:00:00"),
    });
    const r = value(await propertyReport(d.db, s.supervisor.id, "BX", "2026-11", sh("2026-12-01T09:00:00")));
    expect(fig(r, "arrival")).toEqual([1, 2]);
    expect(fig(r, "emergency")).toEqual([0, 1]);
    expect(fig(r, "dispatch")).toEqual([2, 2]);
  });

  it("does not count a complaint reopened as not satisfied, and overdue, as answered in time", async () => {
    await d.db.complaint.create({
      data: {
        propertyId: s.property.id, complainantId: s.owner.id, category: "quality", description: "x", status: "open",
        createdAt: sh("2026-11-02T10:00:00"), dueAt: sh("2026-11-05T10:00:00"), answeredAt: sh("2026-11-03T10:00:00"),
        satisfied: false, reopenedAt: sh("2026-11-04T10:00:00"),
      },
    });
    const r = value(await propertyReport(d.db, s.supervisor.id, "BX", "2026-11", sh("2026-12-01T09:00:00")));
    expect(fig(r, "complaintAnswer")).toEqual([0, 1]);
  });

  it("defines each figure in the report's footnote", () => {
    expect(t("zh-CN", "report-footnote")).toContain("5分钟内派工＝报修后5分钟内接单");
    expect(t("en", "report-footnote")).toContain("Dispatched in 5 min = accepted within 5 minutes of the report");
    expect(t("zh-TW", "report-footnote")).toContain("按時到場");
  });
});
