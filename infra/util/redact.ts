/**
 * Finding secrets in text a person will read (messages, reports, answers of a service) and hiding them, in the forms
 * they get echoed in: as given, in another case, JSON-escaped, URL-encoded, base64 (standard and URL-safe, at any
 * alignment inside a longer encoded string), hex, and cut short (any run of {@link MIN_RUN} characters or more of
 * one of those forms). Used before any truncation, so a cut cannot leave part of a secret behind.
 */

/** Shortest run of a secret's form that counts as an echo of it (a cut-off key, a key inside a longer token). */
export const MIN_RUN = 12;

/** Characters of base64, base64url, hex and URL-encoding. */
const ENCODED = /[A-Za-z0-9+/=_%-]/;

/** What a hidden secret reads as. */
export const SECRET_MARK = "[secret]";

/** The encoded forms a secret is echoed in. */
function forms(secret: string): string[] {
    const bytes = Buffer.from(secret, "utf8");
    const out = new Set<string>([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
    out.add(bytes.toString("hex"));
    // base64 inside a longer encoded value depends on the secret's offset modulo 3: encode at each alignment and keep
    // the characters that depend on the secret alone (the first and last group mix in the neighbours).
    for (let pad = 0; pad < 3; pad++) {
        const encoded = Buffer.concat([Buffer.alloc(pad), bytes]).toString("base64");
        const start = Math.ceil((pad * 4) / 3) + (pad === 0 ? 0 : 1);
        const stable = encoded.slice(start, encoded.length - 4);
        if (stable.length > 0) {
            out.add(stable);
            out.add(stable.replace(/\+/g, "-").replace(/\//g, "_"));
        }
        if (pad === 0) {
            out.add(encoded);
            out.add(encoded.replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_"));
        }
    }
    return [...out].filter((f) => f.length > 0);
}

/**
 * A function that hides every secret of `secrets` in a text. Secrets shorter than 4 characters are hidden only where
 * they stand quoted (`"ab"`), so a one-letter secret does not garble every message.
 */
export function redactor(secrets: Iterable<string>): (text: string) => string {
    const runs = new Set<string>();
    const exact: string[] = [];
    const quoted: string[] = [];
    for (const secret of secrets) {
        if (typeof secret !== "string" || secret.length === 0) continue;
        if (secret.length < 4) {
            quoted.push(JSON.stringify(secret));
            continue;
        }
        for (const form of forms(secret)) {
            const lower = form.toLowerCase();
            if (lower.length >= MIN_RUN) {
                for (let i = 0; i + MIN_RUN <= lower.length; i++) runs.add(lower.slice(i, i + MIN_RUN));
            } else if (lower.length >= 4) exact.push(lower);
        }
    }
    exact.sort((a, b) => b.length - a.length);
    if (runs.size === 0 && exact.length === 0 && quoted.length === 0) return (text) => text;
    return (text: string) => {
        const lower = text.toLowerCase();
        const hidden = new Uint8Array(text.length);
        if (runs.size > 0) {
            for (let i = 0; i + MIN_RUN <= lower.length; i++) {
                if (runs.has(lower.slice(i, i + MIN_RUN))) hidden.fill(1, i, i + MIN_RUN);
            }
        }
        for (const e of exact) {
            for (let i = lower.indexOf(e); i >= 0; i = lower.indexOf(e, i + 1)) hidden.fill(1, i, i + e.length);
        }
        for (const q of quoted) {
            // Keep the quotes: `"[secret]"` still reads as a quoted value.
            for (let i = text.indexOf(q); i >= 0; i = text.indexOf(q, i + 1)) hidden.fill(1, i + 1, i + q.length - 1);
        }
        // An encoded echo's edges mix the secret with its neighbours (base64 groups): widen each hidden run over up to
        // 4 adjacent characters of the encodings' alphabets.
        for (let i = 0; i < text.length; i++) {
            if (hidden[i] !== 1 || (i > 0 && hidden[i - 1] !== 0)) continue;
            for (let k = 1; k <= 4 && i - k >= 0 && ENCODED.test(text[i - k]); k++) hidden[i - k] = 2;
            let end = i;
            while (end < text.length && hidden[end] !== 0) end++;
            for (let k = 0; k < 4 && end + k < text.length && ENCODED.test(text[end + k]); k++) hidden[end + k] = 2;
            i = end + 3;
        }
        let out = "";
        for (let i = 0; i < text.length;) {
            if (hidden[i] === 0) {
                out += text[i];
                i++;
                continue;
            }
            while (i < text.length && hidden[i] !== 0) i++;
            out += SECRET_MARK;
        }
        return out;
    };
}

/** Every string inside a value (config values arrive as JSON: objects, arrays, numbers as text). */
export function stringLeaves(value: unknown, out: string[] = []): string[] {
    if (typeof value === "string") out.push(value);
    else if (Array.isArray(value)) for (const v of value) stringLeaves(v, out);
    else if (value !== null && typeof value === "object") for (const v of Object.values(value)) stringLeaves(v, out);
    return out;
}
