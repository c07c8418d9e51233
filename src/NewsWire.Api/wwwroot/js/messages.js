// @ts-check
// What the reader sees when a request fails: NewsWire's own explanation for a problem it answered
// (the detail and each message in errors), or a plain message when nothing answered.
import { ApiError } from "./api.js";
import { el } from "./dom.js";

/**
 * @param {unknown} error
 * @param {string} heading what could not be done, e.g. "The search could not be run"
 */
export function failureView(error, heading) {
    if (!(error instanceof ApiError)) {
        // A fault in the page itself, not in NewsWire or the network: say so rather than blame the connection.
        return el("section", { class: "failure", role: "alert", "aria-labelledby": "view-heading" },
            el("h1", { id: "view-heading", tabindex: "-1" }, "This view could not be shown"),
            el("p", {}, `Something went wrong in the page: ${error instanceof Error ? error.message : String(error)}`),
            el("p", {}, el("button", { type: "button", "data-retry": true }, "Try again")));
    }

    if (error.kind === "network") {
        return el("section", { class: "failure", role: "alert", "aria-labelledby": "view-heading" },
            el("h1", { id: "view-heading", tabindex: "-1" }, "NewsWire could not be reached"),
            el("p", {}, "The page could not get an answer from the NewsWire service. Check your connection, then try again."),
            el("p", {}, el("button", { type: "button", "data-retry": true }, "Try again")));
    }

    const { problem, status } = error;
    const messages = Object.values(problem.errors ?? {}).flat();
    const detail = problem.detail ?? problem.title ?? `NewsWire answered ${status}.`;
    return el("section", { class: "failure", role: "alert", "aria-labelledby": "view-heading" },
        el("h1", { id: "view-heading", tabindex: "-1" }, status === 404 ? "Not found" : heading),
        el("p", { class: "problem-detail" }, detail),
        messages.length > 0 && el("ul", { class: "problem-errors" }, messages.map((message) => el("li", {}, message))),
        status >= 500 && el("p", {}, `NewsWire answered ${status}. `, el("button", { type: "button", "data-retry": true }, "Try again")),
        el("p", {}, el("a", { href: "/", "data-nav": true }, "Show the newest articles")));
}
