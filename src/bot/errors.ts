import type { ErrorCode } from "../domain/types.ts";

/** The locale key that explains a domain error code to a person: NOT_FOUND → error-not-found. */
export const errorKey = (code: ErrorCode | string) => `error-${code.toLowerCase().replace(/_/g, "-")}`;
