import { createNewsWireClient } from "../src/index.js";

/** The NewsWire that scripts/test.sh started: a fresh database holding only the seeded TASS report. */
const baseUrl = process.env.NEWSWIRE_URL;
const apiKey = process.env.NEWSWIRE_API_KEY;
if (!baseUrl || !apiKey) {
    throw new Error("NEWSWIRE_URL and NEWSWIRE_API_KEY are not set: run the tests with scripts/test.sh, which starts NewsWire.");
}

export const reader = createNewsWireClient({ baseUrl });
export const writer = createNewsWireClient({ baseUrl, apiKey });

export const tassSlug = "russian-security-service-refugee-crisis-used-by-islamic-state-to-send-people-to-europe";

/** A headline no other test uses, so tests can run in any order against one service. */
export function uniqueHeadline(what: string): string {
    return `${what} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
