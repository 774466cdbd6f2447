/** Calendar days as `YYYY-MM-DD` (UTC): a real date, not only its shape (`2026-13-45` and `2026-02-30` are not). */

/** Midnight UTC of a `YYYY-MM-DD` day, or undefined when the text is not a real date of that form. */
export function parseCalendarDate(value: string): Date | undefined {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
    const d = new Date(`${value}T00:00:00Z`);
    // Date rolls 2026-02-30 over to 2026-03-02: a real date reads back as itself.
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? d : undefined;
}

export function isCalendarDate(value: string): boolean {
    return parseCalendarDate(value) !== undefined;
}
