// Shared by the page and its tests (no DOM here).
/** How often the queue asks for changes (an unchanged queue answers 304). */
export const POLL_MS = 5_000;
