/**
 * Readers for raw config values: the catalog checks run on the values as given (not only on what the schema
 * accepted), so one run reports every problem; these read a value only when it has the expected shape.
 */
export type Loose = Record<string, unknown>;
export const isObject = (v: unknown): v is Loose => typeof v === "object" && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
