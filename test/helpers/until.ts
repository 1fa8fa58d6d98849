/**
 * Waits (real time) until `found` gives something (true, a value), and returns it; for tests of
 * things that run on their own (servers, pollers, processes). `detail` is added to the timeout's error.
 */
export async function until<T>(
  what: string, found: () => T | Promise<T>, ms = 10_000, detail?: () => string,
): Promise<Exclude<Awaited<T>, false | null | undefined | 0 | "">> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await found();
    if (value) return value as Exclude<Awaited<T>, false | null | undefined | 0 | "">;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${detail ? `\n${detail()}` : ""}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
