// The message that offers a job to a technician, the same from every path that offers one (the owner's
// short path, a dispatch round, a reminder).
import type { Notice } from "../notify.ts";
import type { ButtonIntent } from "../types.ts";
import { noticeParams, type TicketView } from "./view.ts";

/** Names an offer's message, so that a later edit ("taken by Li", withdrawn) finds it. */
export const offerRef = (o: { id: number; round: number }) => `offer:${o.id}:${o.round}`;

/** Accept and decline, under every offer. */
export const offerButtons = (ticketId: number): ButtonIntent[][] => [[
  { label: "btn-accept", action: "accept", id: ticketId },
  { label: "btn-decline", action: "decline", id: ticketId },
]];

/**
 * A job offered to the pool: new (an emergency says so), or a reminder to one who holds the first
 * offer (without the photos again); `minutes` since it was reported.
 */
export function offerNotice(
  view: TicketView, offer: { id: number; round: number }, minutes: number, reminder = false,
): Notice {
  return {
    key: reminder ? "offer-reminder" : view.emergency ? "offer-new-emergency" : "offer-new",
    params: { ...noticeParams(view), minutes }, photos: reminder ? [] : view.photos, ref: offerRef(offer),
    buttons: offerButtons(view.id),
  };
}
