// Linking a property to its technicians' Telegram group (/linkgroup BX, sent in the group by an
// admin): at most one group per property, and one property per group. Linking turns the property's
// dispatch mode to `group`; unlinking returns a property in `group` mode to the pool.
import type { DbOrTx } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/client.ts";
import { logEvent } from "../events.ts";
import { holdsRoleAt } from "../staff.ts";
import { err, ok, type Result } from "../types.ts";

export type LinkedGroup = { code: string; name: string; title: string; mode: string; replaced: string };
export type GroupChat = { id: number; title: string };

const findByCode = (db: DbOrTx, code: string) => db.property.findUnique({ where: { code: code.trim().toUpperCase() } });

/** Links the group as the property's dispatch board (replacing the group linked before, if any). */
export async function linkGroup(
  db: DbOrTx, actorId: number, code: string, chat: GroupChat, now: Date,
): Promise<Result<LinkedGroup>> {
  const p = await findByCode(db, code);
  if (!p) return err("NOT_FOUND");
  if (!(await holdsRoleAt(db, actorId, p.id, ["admin"]))) return err("FORBIDDEN");
  const other = await db.property.findUnique({ where: { groupChatId: BigInt(chat.id) } });
  if (other && other.id !== p.id) return err("DUPLICATE");
  const title = chat.title.slice(0, 128);
  try {
    const data = { groupChatId: BigInt(chat.id), groupTitle: title, dispatchMode: "group" };
    await db.property.update({ where: { id: p.id }, data });
  } catch (e) {
    if (isUniqueViolation(e)) return err("DUPLICATE");
    throw e;
  }
  const replaced = p.groupChatId !== null && p.groupChatId !== BigInt(chat.id) ? (p.groupTitle ?? "") : "";
  const data = { propertyId: p.id, chatId: chat.id, title, from: p.dispatchMode, replaced };
  await logEvent(db, { actorId, action: "group-linked", data, at: now });
  return ok({ code: p.code, name: p.name, title, mode: "group", replaced });
}

/** Unlinks the property's group (sent in that group, or anywhere by an admin); the pool takes over. */
export async function unlinkGroup(db: DbOrTx, actorId: number, code: string, now: Date): Promise<Result<LinkedGroup>> {
  const p = await findByCode(db, code);
  if (!p) return err("NOT_FOUND");
  if (!(await holdsRoleAt(db, actorId, p.id, ["admin"]))) return err("FORBIDDEN");
  if (p.groupChatId === null) return err("INVALID_STATE");
  const mode = p.dispatchMode === "group" ? "pool" : p.dispatchMode;
  await db.property.update({ where: { id: p.id }, data: { groupChatId: null, groupTitle: null, dispatchMode: mode } });
  const data = { propertyId: p.id, chatId: Number(p.groupChatId) };
  await logEvent(db, { actorId, action: "group-unlinked", data, at: now });
  return ok({ code: p.code, name: p.name, title: p.groupTitle ?? "", mode, replaced: "" });
}

/** The group linked to a property, for /settings ("" when none). */
export async function linkedGroupTitle(db: DbOrTx, propertyId: number): Promise<string> {
  const select = { groupChatId: true, groupTitle: true };
  const p = await db.property.findUnique({ where: { id: propertyId }, select });
  return p?.groupChatId == null ? "" : (p.groupTitle || String(p.groupChatId));
}

/** A group upgraded to a supergroup gets a new chat id: the link follows it (Telegram's migrate_to_chat_id). */
export async function moveGroup(db: DbOrTx, fromChatId: number, toChatId: number, now: Date): Promise<boolean> {
  const moved = await db.property.updateMany({
    where: { groupChatId: BigInt(fromChatId) }, data: { groupChatId: BigInt(toChatId) },
  });
  const data = { from: fromChatId, to: toChatId };
  if (moved.count > 0) await logEvent(db, { actorId: null, action: "group-moved", data, at: now });
  return moved.count > 0;
}
