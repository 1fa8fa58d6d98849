// The desk console in the sandbox: the address Telegram would open, with the launch data signed by
// the sandbox's own token. Signed on the hour of the sandbox's clock, so the address stays the same
// (the page's frame does not reload) until the clock moves on; the console accepts a day's age.
import { sign } from "@telegram-apps/init-data-node";

export function consoleLaunchUrl(token: string, user: { id: number; first_name: string }, now: Date): string {
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const initData = sign({ user: { ...user, language_code: "zh-hans" } } as never, token, hour);
  const theme = JSON.stringify({ bg_color: "#ffffff", text_color: "#000000", button_color: "#3a8ee6" });
  const launch = new URLSearchParams({ tgWebAppData: initData, tgWebAppVersion: "8.0", tgWebAppThemeParams: theme });
  return `/console/#${launch}`;
}
