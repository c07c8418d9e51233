import type { components } from "./schema.js";

/** An RFC 9457 problem as NewsWire sends it: `status`, `title`, `detail` and, for bad input, `errors`. */
export type Problem = components["schemas"]["HttpValidationProblemDetails"];

/**
 * Thrown for every answer that is not 2xx. `problem` is the body NewsWire sent (every NewsWire error is a
 * problem); `status` is the HTTP status even when a proxy answered without one.
 */
export class NewsWireProblem extends Error {
    readonly status: number;
    readonly problem: Problem;

    constructor(status: number, problem: Problem) {
        super(NewsWireProblem.describe(status, problem));
        this.name = "NewsWireProblem";
        this.status = status;
        this.problem = problem;
    }

    /** The messages for one parameter or field, e.g. `errors("q")`; empty when it has none. */
    errors(name: string): string[] {
        return this.problem.errors?.[name] ?? [];
    }

    private static describe(status: number, problem: Problem): string {
        const messages = Object.values(problem.errors ?? {}).flat();
        return [`${status} ${problem.title ?? "Error"}`, problem.detail, ...messages].filter(Boolean).join(" ");
    }
}

/** The body of an error answer as a problem, whatever came: parsed JSON, text, or nothing. */
export function asProblem(status: number, body: unknown, statusText: string): Problem {
    if (typeof body === "object" && body !== null) {
        return body as Problem;
    }

    return { status, title: statusText || `HTTP ${status}`, detail: typeof body === "string" && body ? body : null };
}
