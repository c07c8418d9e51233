// @ts-check
// The reader's entry point: reads the URL, asks the API, shows the answer. Links inside the page change the
// URL with history.pushState, so every view has an address and Back and Forward work without reloads.
import { getJson, getRelated } from "./api.js";
import { articleView, showRelated } from "./article.js";
import { byId } from "./dom.js";
import { failureView } from "./messages.js";
import { fromListing, fromSearch, resultsView } from "./results.js";
import { changed, feedHref, PAGE_SIZE, parseRoute, resultsHref } from "./route.js";

/** @typedef {import("./route.js").ResultsRoute} ResultsRoute */
/**
 * What the page keeps in each history entry: where the reader was scrolled, the results an article was
 * opened from, and whether those results are the entry just before (so Back can return to them).
 * @typedef {{ scrollY?: number, from?: string, fromIsPrevious?: boolean }} HistoryState
 */

const view = byId("view", HTMLDivElement);
const main = byId("main", HTMLElement);
const status = byId("status", HTMLParagraphElement);
const searchForm = byId("search-form", HTMLFormElement);
const searchBox = byId("q", HTMLInputElement);
const feedLink = byId("feed-link", HTMLAnchorElement);
const feedAlternate = byId("feed-alternate", HTMLLinkElement);

/** The request in flight; a newer navigation cancels it. */
let inFlight = new AbortController();
/** The path and query now shown: a change of #fragment alone is not a new view. */
let shown = "";

history.scrollRestoration = "manual";

/**
 * Shows the view for the current URL.
 * @param {{ focus: "heading" | "keep" | "none", scrollY?: number }} how
 */
async function render(how) {
    inFlight.abort();
    inFlight = new AbortController();
    const signal = inFlight.signal;
    const route = parseRoute(location);
    const focusKey = document.activeElement instanceof HTMLElement ? document.activeElement.dataset["focusKey"] : undefined;
    shown = location.pathname + location.search;
    main.setAttribute("aria-busy", "true");
    announce("Loading…");

    const heading = route.view === "article" ? "The article could not be shown"
        : route.q ? "The search could not be run" : "The articles could not be listed";
    try {
        await (route.view === "article" ? showArticle(route.slug, signal) : showResults(route, signal));
    } catch (error) {
        if (signal.aborted) {
            return;
        }

        view.replaceChildren(failureView(error, heading));
        document.title = "NewsWire";
        announce(view.querySelector("h1")?.textContent ?? heading);
    } finally {
        if (!signal.aborted) {
            main.setAttribute("aria-busy", "false");
        }
    }

    if (!signal.aborted) {
        settle(how, focusKey);
    }
}

/**
 * @param {ResultsRoute} route
 * @param {AbortSignal} signal
 */
async function showResults(route, signal) {
    searchBox.value = route.q;
    const filters = { ...route.filters, from: route.from, to: route.to };
    const results = route.q
        ? fromSearch(await getJson("/api/search", {
            query: {
                q: route.q, ...filters, sort: route.sort, limit: String(PAGE_SIZE),
                offset: String((route.page - 1) * PAGE_SIZE), facets: "source,tag,place,month",
            },
        }, signal), route)
        : fromListing(await getJson("/api/articles", {
            query: { ...filters, order: route.sort === "oldest" ? "oldest" : "newest", limit: String(PAGE_SIZE), cursor: route.cursor },
        }, signal), route);

    view.replaceChildren(resultsView(route, results));
    document.title = route.q ? `${route.q} – NewsWire` : "NewsWire";
    setFeed(feedHref(route));
    announce(route.q ? `${results.total} found for ${route.q}` : `${results.total} articles`);
}

/**
 * @param {string} slug
 * @param {AbortSignal} signal
 */
async function showArticle(slug, signal) {
    const [article, quotes] = await Promise.all([
        getJson("/api/articles/{id}", { path: { id: slug } }, signal),
        getJson("/api/articles/{id}/quotes", { path: { id: slug } }, signal),
    ]);
    const state = /** @type {HistoryState | null} */ (history.state);
    view.replaceChildren(articleView(article, quotes, state?.from ?? "/"));
    document.title = `${article.headline} – NewsWire`;
    setFeed("/feeds/atom");
    announce(article.headline);

    // Related stories are a bonus: the article stands without them, whatever their request does.
    getRelated(slug, signal).then((related) => signal.aborted || showRelated(view, related), () => undefined);
}

/**
 * Focus and scroll once the view is in: to the new view's heading after a link, back to where the reader
 * was after Back, and to the same control after a click that stays in the results (a facet, the sort).
 * @param {{ focus: "heading" | "keep" | "none", scrollY?: number }} how
 * @param {string | undefined} focusKey
 */
function settle(how, focusKey) {
    const same = focusKey ? view.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`) : null;
    if (how.focus === "keep" && same instanceof HTMLElement) {
        same.focus();
    } else if (how.focus !== "none") {
        view.querySelector("h1")?.focus({ preventScroll: true });
    }

    if (location.hash) {
        document.getElementById(location.hash.slice(1))?.scrollIntoView();
    } else {
        window.scrollTo(0, how.scrollY ?? 0);
    }
}

/**
 * Goes to an address inside the page, remembering where the reader was for Back.
 * @param {string} href
 * @param {"heading" | "keep" | "none"} focus
 */
function navigate(href, focus) {
    const current = /** @type {HistoryState | null} */ (history.state) ?? {};
    history.replaceState({ ...current, scrollY: window.scrollY }, "");
    const leavingResults = parseRoute(location).view === "results";
    /** @type {HistoryState} */
    const next = { from: leavingResults ? location.pathname + location.search : current.from, fromIsPrevious: leavingResults };
    history.pushState(next, "", href);
    void render({ focus });
}

/** @param {string} href */
function setFeed(href) {
    feedLink.href = href;
    feedAlternate.href = href;
}

/** @param {string} text */
function announce(text) {
    status.textContent = text;
}

document.addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        return;
    }

    const target = event.target instanceof Element ? event.target : null;
    const back = target?.closest("a[data-back]");
    const state = /** @type {HistoryState | null} */ (history.state);
    if (back && state?.fromIsPrevious) {
        // The results are the entry before this one: going back restores them where the reader left them.
        event.preventDefault();
        history.back();
        return;
    }

    const link = target?.closest("a[data-nav], a[data-back]");
    if (link instanceof HTMLAnchorElement && link.origin === location.origin) {
        event.preventDefault();
        const staysInResults = parseRoute(new URL(link.href)).view === "results" && parseRoute(location).view === "results";
        navigate(link.pathname + link.search, staysInResults ? "keep" : "heading");
        return;
    }

    if (target?.closest("button[data-retry]")) {
        void render({ focus: "heading" });
    }
});

searchForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = searchBox.value.trim();
    const current = parseRoute(location);
    // A new search keeps the filters and dates the reader set, and starts on its first page.
    const base = current.view === "results" ? current : /** @type {ResultsRoute} */ (parseRoute(new URL("/", location.origin)));
    navigate(resultsHref(changed(base, { q, sort: q ? (base.q ? base.sort : "relevance") : "newest" })), "none");
});

view.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches("[data-dates]")) {
        return;
    }

    event.preventDefault();
    const current = parseRoute(location);
    if (current.view === "results") {
        const dates = new FormData(form);
        navigate(resultsHref(changed(current, { from: String(dates.get("from") ?? ""), to: String(dates.get("to") ?? "") })), "heading");
    }
});

document.addEventListener("keydown", (event) => {
    // "/" jumps to the search box, as on most sites with search, unless the reader is typing somewhere.
    const typing = event.target instanceof HTMLElement && (event.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName));
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        searchBox.focus();
        searchBox.select();
    }
});

window.addEventListener("popstate", () => {
    if (location.pathname + location.search === shown) {
        return; // only the #fragment changed: the browser scrolls to it.
    }

    const state = /** @type {HistoryState | null} */ (history.state);
    void render({ focus: "none", scrollY: state?.scrollY ?? 0 });
});

void render({ focus: "none" });
