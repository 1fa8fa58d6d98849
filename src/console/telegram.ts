// A thin wrapper of Telegram's Mini App bridge (no script from telegram.org: the page loads
// nothing from elsewhere). The launch parameters come in the address's fragment; events go to
// Telegram through its webview proxy (phones), window.external (Desktop) or the parent frame (web).
type Handler = (data: unknown) => void;
const handlers = new Map<string, Handler>();
const w = window as any;

const launch = new URLSearchParams(location.hash.slice(1));

/** The signed launch data, exactly as Telegram gave it (the API checks it). */
export const initData: string = launch.get("tgWebAppData") ?? w.Telegram?.WebApp?.initData ?? "";

/** Telegram's colours for the page (light or dark, as the app shows). */
export function applyTheme() {
  let theme: Record<string, string> = {};
  try {
    theme = JSON.parse(launch.get("tgWebAppThemeParams") ?? "{}") as Record<string, string>;
  } catch {
    // no theme: the stylesheet's own colours
  }
  for (const [k, v] of Object.entries(theme)) {
    if (/^#[0-9a-f]{3,8}$/i.test(v)) document.documentElement.style.setProperty(`--tg-${k.replace(/_/g, "-")}`, v);
  }
}

export function postEvent(eventType: string, eventData: object = {}) {
  try {
    if (w.TelegramWebviewProxy) w.TelegramWebviewProxy.postEvent(eventType, JSON.stringify(eventData));
    else if (w.external && "notify" in w.external) w.external.notify(JSON.stringify({ eventType, eventData }));
    else if (window.parent !== window) window.parent.postMessage(JSON.stringify({ eventType, eventData }), "*");
  } catch {
    // outside Telegram: nothing to tell
  }
}

function receive(eventType: string, eventData: unknown) {
  handlers.get(eventType)?.(eventData);
}
w.Telegram = { ...(w.Telegram ?? {}), WebView: { ...(w.Telegram?.WebView ?? {}), receiveEvent: receive } };
window.addEventListener("message", (e) => {
  try {
    const m = typeof e.data === "string" ? JSON.parse(e.data) : e.data;
    if (m && typeof m.eventType === "string") receive(m.eventType, m.eventData);
  } catch {
    // not for us
  }
});

/** Telegram's back button: shown with a handler, hidden with null. */
export function backButton(onBack: (() => void) | null) {
  if (onBack) handlers.set("back_button_pressed", onBack);
  else handlers.delete("back_button_pressed");
  postEvent("web_app_setup_back_button", { is_visible: Boolean(onBack) });
}

export const haptic = (type: "success" | "error") =>
  postEvent("web_app_trigger_haptic_feedback", { type: "notification", notification_type: type });
