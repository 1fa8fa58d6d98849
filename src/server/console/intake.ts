// The console's intake form: one POST with every answer of the chat's /intake, read and checked
// field by field (a wrong field is named in a sentence), then the same registerStaffReport call.
import { ACCESS, PUBLIC_ACCESS, normalizePhone } from "../../domain/tickets/report.ts";
import { registerStaffReport, STAFF_CHANNELS } from "../../domain/tickets/intake.ts";
import { CATEGORIES, MAX_DESCRIPTION, MAX_PHOTOS, type Category } from "../../domain/types.ts";
import { InputFile } from "grammy";
import { invalid, propertyOf, refuse, type ApiDeps, type Call } from "./api.ts";
import { sendJson } from "./http.ts";

const str = (v: unknown) => (typeof v === "string" ? v.trim() : "");
const oneOf = <T extends string>(values: readonly T[], v: unknown, fallback: T): T =>
  values.includes(v as T) ? (v as T) : fallback;

/** Telegram's own limit for a photo sent by a bot. */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/**
 * The form's photos (base64, at most MAX_PHOTOS), each sent with sendPhoto to the clerk's own chat with
 * the bot for its file_id, as a photo sent in chat has; null when one is not a photo or is refused.
 */
async function uploadPhotos(c: Call, deps: ApiDeps, raw: unknown): Promise<string[] | null> {
  if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) return [];
  if (!Array.isArray(raw) || raw.length > MAX_PHOTOS || !deps.api) return null;
  const bytes = raw.map((p) => (typeof p === "string" ? Buffer.from(p.replace(/^data:[^,]*,/, ""), "base64") : null));
  if (bytes.some((x) => !x || x.length === 0 || x.length > MAX_PHOTO_BYTES)) return null;
  const ids: string[] = [];
  for (const [i, x] of bytes.entries()) {
    const sent = await deps.api.sendPhoto(c.telegramId, new InputFile(x!, `photo-${i + 1}.jpg`), {
      disable_notification: true,
    }).catch(() => null);
    const id = sent?.photo?.at(-1)?.file_id;
    if (!id) return null;
    ids.push(id);
  }
  return ids;
}

export async function fileIntake(c: Call, deps: ApiDeps) {
  const b = await c.body(Math.ceil((MAX_PHOTOS * MAX_PHOTO_BYTES * 4) / 3) + 64 * 1024);
  const propertyId = await propertyOf(c, deps, b.property);
  const unitId = typeof b.unitId === "number" ? b.unitId : null;
  const location = str(b.location).slice(0, 100);
  if (unitId === null && b.public !== true) return invalid(c, "home");
  if (unitId === null && !location) return invalid(c, "location");
  if (!CATEGORIES.includes(b.category as Category)) return invalid(c, "category");
  const description = str(b.description);
  if (!description || description.length > MAX_DESCRIPTION) return invalid(c, "description");
  const phone = normalizePhone(str(b.phone));
  if (!phone) return invalid(c, "phone");
  const time = str(b.time).slice(0, 100) || "asap";
  const channel = oneOf(STAFF_CHANNELS, b.channel, "phone");
  const photos = await uploadPhotos(c, deps, b.photos);
  if (!photos) return invalid(c, "photos");
  const res = await registerStaffReport(deps.database, {
    staffId: c.viewer.personId, channel, unitId, propertyId, location: unitId === null ? location : "",
    category: b.category as Category, description, emergency: b.emergency === true,
    access: unitId === null ? PUBLIC_ACCESS : oneOf(ACCESS, b.access, "call"),
    preferredTime: time, phone, photos,
  }, deps.clock());
  if (!res.ok) return refuse(c, res.error);
  const v = res.value;
  const told = channel === "patrol" ? "patrol" : v.ownerOnTelegram ? "telegram" : "phone";
  const message = v.incidentOf
    ? c.t("console-intake-linked", { number: v.number, primary: v.incidentOf })
    : c.t("console-intake-done", { number: v.number, told, offered: v.offeredTo });
  sendJson(c.res, 200, { number: v.number, ticketId: v.ticketId, message });
}
