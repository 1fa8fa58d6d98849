// Calendar arithmetic in a property's time zone. Pure: the clock is always a parameter.

/** Wall-clock parts of an instant in a time zone. */
const formats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per zone: building one costs far more than using it (figures call this thousands of times). */
function formatIn(tz: string): Intl.DateTimeFormat {
  let f = formats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", weekday: "short",
    });
    formats.set(tz, f);
  }
  return f;
}

export function zonedParts(at: Date, tz: string) {
  const f = formatIn(tz);
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year), month: Number(p.month), day: Number(p.day),
    hour: Number(p.hour), minute: Number(p.minute), second: Number(p.second),
    weekday: p.weekday as string,
  };
}

/** YYYYMMDD of the local day. */
export function dayKey(at: Date, tz: string): string {
  const p = zonedParts(at, tz);
  return `${p.year}${String(p.month).padStart(2, "0")}${String(p.day).padStart(2, "0")}`;
}

/** "YYYY-MM-DD HH:MM" local, for people to read. */
export function formatLocal(at: Date, tz: string): string {
  const p = zonedParts(at, tz);
  const d2 = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${d2(p.month)}-${d2(p.day)} ${d2(p.hour)}:${d2(p.minute)}`;
}

export const addMinutes = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);
