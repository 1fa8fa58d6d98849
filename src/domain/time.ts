// Calendar arithmetic in a property's time zone. Pure: the clock is always a parameter.

/** One formatter per time zone: building one costs about a hundred times more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", weekday: "short",
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Wall-clock parts of an instant in a time zone. */
export function zonedParts(at: Date, tz: string) {
  const p = Object.fromEntries(formatterOf(tz).formatToParts(at).map((x) => [x.type, x.value]));
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
