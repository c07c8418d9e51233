// @ts-check
// Every state of the page is a URL, so a link can be shared and Back works:
//   /?q=refugees&source=TASS&from=2015-09-01&sort=newest&page=2   results (a search when q is given)
//   /articles/{slug}                                              one article

export const PAGE_SIZE = 20;

/** The filters a reader narrows by; each may repeat, and repeats are ORed by the API. */
export const FACETS = /** @type {const} */ (["source", "tag", "place"]);

/** @typedef {typeof FACETS[number]} Facet */
/** @typedef {"relevance" | "newest" | "oldest"} Sort */

/**
 * @typedef {object} ResultsRoute
 * @property {"results"} view
 * @property {string} q empty for the newest articles, no search
 * @property {Record<Facet, string[]>} filters
 * @property {string} from ISO date, or empty
 * @property {string} to ISO date, or empty
 * @property {Sort} sort relevance only with q
 * @property {number} page search pages, from 1
 * @property {string} cursor the listing's keyset position, or empty for its first page
 */

/**
 * @typedef {object} ArticleRoute
 * @property {"article"} view
 * @property {string} slug
 */

/** @typedef {ResultsRoute | ArticleRoute} Route */

/**
 * @param {URL | Location} url
 * @returns {Route}
 */
export function parseRoute(url) {
    const article = /^\/articles\/([^/]+)\/?$/.exec(url.pathname);
    if (article?.[1]) {
        return { view: "article", slug: decodeURIComponent(article[1]) };
    }

    const query = new URLSearchParams(url.search);
    const q = (query.get("q") ?? "").trim();
    const sort = query.get("sort");
    const page = Number.parseInt(query.get("page") ?? "", 10);
    return {
        view: "results",
        q,
        filters: { source: query.getAll("source"), tag: query.getAll("tag"), place: query.getAll("place") },
        from: query.get("from") ?? "",
        to: query.get("to") ?? "",
        sort: sort === "newest" || sort === "oldest" || (sort === "relevance" && q) ? sort : q ? "relevance" : "newest",
        page: Number.isSafeInteger(page) && page > 1 ? page : 1,
        cursor: q ? "" : query.get("cursor") ?? "",
    };
}

/**
 * The page's own address for results; defaults are left out so addresses stay short.
 * @param {ResultsRoute} route
 */
export function resultsHref(route) {
    const query = filterQuery(route);
    if (route.sort !== (route.q ? "relevance" : "newest")) {
        query.set("sort", route.sort);
    }

    if (route.q && route.page > 1) {
        query.set("page", String(route.page));
    }

    if (!route.q && route.cursor) {
        query.set("cursor", route.cursor);
    }

    const text = query.toString();
    return text ? `/?${text}` : "/";
}

/**
 * The Atom feed of these results: the same words and filters, newest first.
 * @param {ResultsRoute} route
 */
export function feedHref(route) {
    const text = filterQuery(route).toString();
    return text ? `/feeds/atom?${text}` : "/feeds/atom";
}

/** @param {string} slug */
export function articleHref(slug) {
    return `/articles/${encodeURIComponent(slug)}`;
}

/**
 * The same results with one filter value added, or removed when it is already there; back to the first page.
 * @param {ResultsRoute} route
 * @param {Facet} facet
 * @param {string} value
 * @returns {ResultsRoute}
 */
export function toggleFilter(route, facet, value) {
    const values = route.filters[facet];
    const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
    return { ...firstPage(route), filters: { ...route.filters, [facet]: next } };
}

/**
 * @param {ResultsRoute} route
 * @param {Partial<ResultsRoute>} changes
 * @returns {ResultsRoute}
 */
export function changed(route, changes) {
    return { ...firstPage(route), ...changes };
}

/**
 * A month facet value ("2015-09") as a date range covering the whole month.
 * @param {string} month
 */
export function monthRange(month) {
    const [year, number] = month.split("-").map(Number);
    const lastDay = new Date(Date.UTC(year ?? 1970, number ?? 1, 0)).getUTCDate();
    return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, "0")}` };
}

/** @param {ResultsRoute} route */
function firstPage(route) {
    return { ...route, page: 1, cursor: "" };
}

/** @param {ResultsRoute} route */
function filterQuery(route) {
    const query = new URLSearchParams();
    if (route.q) {
        query.set("q", route.q);
    }

    for (const facet of FACETS) {
        for (const value of route.filters[facet]) {
            query.append(facet, value);
        }
    }

    if (route.from) {
        query.set("from", route.from);
    }

    if (route.to) {
        query.set("to", route.to);
    }

    return query;
}
