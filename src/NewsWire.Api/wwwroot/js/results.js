// @ts-check
// The results view: newest articles, or the hits of a search, with the ways to narrow, sort and page them.
import { el, spoken } from "./dom.js";
import { counted, monthName, publishedOn } from "./format.js";
import { markedText } from "./marks.js";
import { articleHref, changed, FACETS, feedHref, monthRange, PAGE_SIZE, resultsHref, toggleFilter } from "./route.js";

/** @typedef {import("./route.js").ResultsRoute} ResultsRoute */
/** @typedef {import("./route.js").Facet} Facet */
/** @typedef {import("./api.js").Schemas} Schemas */
/** @typedef {Schemas["FacetValue"]} FacetValue */

/**
 * One result: the article and, for a search, its highlighted headline and snippet.
 * @typedef {object} Result
 * @property {Schemas["ArticleSummary"]} article
 * @property {string | null} headlineHtml highlights from the server (only <mark> becomes markup)
 * @property {string | null} snippetHtml
 */

/**
 * @typedef {object} Results
 * @property {number} total
 * @property {Result[]} items
 * @property {Record<string, FacetValue[]> | null} facets null for the listing, which has none
 * @property {ResultsRoute | null} next
 * @property {ResultsRoute | null} previous
 */

const FACET_TITLES = { source: "Source", tag: "Tag", place: "Place" };
/** The API caps search offsets at 10,000. */
const LAST_PAGE = Math.floor(10_000 / PAGE_SIZE) + 1;

/**
 * @param {Schemas["SearchResults"]} answer
 * @param {ResultsRoute} route
 * @returns {Results}
 */
export function fromSearch(answer, route) {
    const pages = Math.min(Math.ceil(answer.total / PAGE_SIZE), LAST_PAGE);
    return {
        total: answer.total,
        items: answer.items.map((hit) => ({ article: hit, headlineHtml: hit.highlights.headline, snippetHtml: hit.highlights.snippet })),
        facets: answer.facets ?? {},
        next: route.page < pages ? { ...route, page: route.page + 1 } : null,
        previous: route.page > 1 ? { ...route, page: route.page - 1 } : null,
    };
}

/**
 * @param {Schemas["ArticlePage"]} answer
 * @param {ResultsRoute} route
 * @returns {Results}
 */
export function fromListing(answer, route) {
    return {
        total: answer.total,
        items: answer.items.map((article) => ({ article, headlineHtml: null, snippetHtml: null })),
        facets: null,
        next: answer.nextCursor ? { ...route, cursor: answer.nextCursor } : null,
        // Keyset pages have no "previous" address; the first page is one link away and Back goes one page back.
        previous: route.cursor ? { ...route, cursor: "" } : null,
    };
}

/**
 * @param {ResultsRoute} route
 * @param {Results} results
 */
export function resultsView(route, results) {
    const title = route.q ? `Results for “${route.q}”` : isFiltered(route) ? "Articles" : "Latest articles";
    return el("div", { class: "results-layout" },
        el("section", { class: "results", "aria-labelledby": "view-heading" },
            el("h1", { id: "view-heading", tabindex: "-1" }, title),
            el("p", { class: "results-summary" },
                el("span", { id: "result-count" }, route.q ? `${counted(results.total)} found` : counted(results.total)),
                " · ",
                el("a", { href: feedHref(route), class: "feed" }, route.q ? "Atom feed of this search" : "Atom feed"),
                el("a", { href: "#refine", class: "to-refine" }, "Narrow results")),
            activeFilters(route),
            sortLinks(route),
            results.items.length === 0
                ? el("p", { class: "notice" }, route.q ? "Nothing matches. Try fewer words, a prefix (recruit*) or OR." : "No articles match these filters.")
                : el("ol", { class: "hits", start: route.q ? (route.page - 1) * PAGE_SIZE + 1 : null }, results.items.map((item) => resultItem(route, item))),
            pager(route, results)),
        refinePanel(route, results.facets));
}

/**
 * @param {ResultsRoute} route
 * @param {Result} result
 */
function resultItem(route, { article, headlineHtml, snippetHtml }) {
    const snippet = snippetHtml ? markedText(snippetHtml) : article.lead;
    return el("li", {},
        el("article", { class: "hit" },
            el("h2", {},
                el("a", { href: articleHref(article.slug), "data-nav": true, "data-focus-key": `article:${article.slug}` },
                    headlineHtml ? markedText(headlineHtml) : article.headline)),
            el("p", { class: "meta" }, meta(article)),
            snippet && el("p", { class: "snippet" }, snippet),
            tagLinks(route, article.tags)));
}

/**
 * "TASS · Tashkent · 18 September 2015"
 * @param {Schemas["ArticleSummary"]} article
 */
export function meta(article) {
    const parts = [article.source, article.place].filter((part) => typeof part === "string" && part !== "");
    return [
        ...parts.flatMap((part) => [part, " · "]),
        el("time", { datetime: article.publishedAt }, publishedOn(article.publishedAt)),
    ];
}

/**
 * An article's tags, each a link that narrows the current results to it.
 * @param {ResultsRoute} route
 * @param {string[]} tags
 */
export function tagLinks(route, tags) {
    if (tags.length === 0) {
        return null;
    }

    return el("ul", { class: "tags", "aria-label": "Tags" }, tags.map((tag) => el("li", {},
        el("a", { href: resultsHref(route.filters.tag.includes(tag) ? route : toggleFilter(route, "tag", tag)), "data-nav": true }, tag))));
}

/** @param {ResultsRoute} route */
function activeFilters(route) {
    /** @type {{ label: string, without: ResultsRoute }[]} */
    const active = FACETS.flatMap((facet) => route.filters[facet].map((value) => ({
        label: `${FACET_TITLES[facet]}: ${value}`,
        without: toggleFilter(route, facet, value),
    })));
    if (route.from || route.to) {
        active.push({ label: `Published ${dateRangeLabel(route.from, route.to)}`, without: changed(route, { from: "", to: "" }) });
    }

    if (active.length === 0) {
        return null;
    }

    return el("ul", { class: "active-filters", "aria-label": "Active filters" }, active.map(({ label, without }) => el("li", {},
        el("a", { href: resultsHref(without), "data-nav": true, "data-focus-key": `remove:${label}` },
            label, el("span", { "aria-hidden": "true", class: "remove" }, " ×"), spoken(", remove this filter")))));
}

/** @param {ResultsRoute} route */
function sortLinks(route) {
    /** @type {import("./route.js").Sort[]} */
    const sorts = route.q ? ["relevance", "newest", "oldest"] : ["newest", "oldest"];
    return el("nav", { class: "sort", "aria-label": "Sort order" },
        el("span", { class: "sort-label" }, "Sort:"),
        el("ul", {}, sorts.map((sort) => el("li", {},
            el("a", {
                href: resultsHref(changed(route, { sort })),
                "data-nav": true,
                "data-focus-key": `sort:${sort}`,
                "aria-current": sort === route.sort ? "true" : null,
            }, sort[0]?.toUpperCase() + sort.slice(1))))));
}

/**
 * @param {ResultsRoute} route
 * @param {Results} results
 */
function pager(route, results) {
    if (!results.next && !results.previous) {
        return null;
    }

    const pages = Math.min(Math.ceil(results.total / PAGE_SIZE), LAST_PAGE);
    return el("nav", { class: "pager", "aria-label": "Pages" },
        results.previous && el("a", { href: resultsHref(results.previous), rel: "prev", "data-nav": true, "data-focus-key": "page:previous" },
            route.q ? "← Previous page" : "← Newest"),
        route.q && el("span", { class: "page-of" }, `Page ${route.page} of ${pages}`),
        results.next && el("a", { href: resultsHref(results.next), rel: "next", "data-nav": true, "data-focus-key": "page:next" }, "Next page →"));
}

/**
 * Dates to narrow by, and the facets of a search: each value a link that adds it to the filters or takes it off.
 * @param {ResultsRoute} route
 * @param {Record<string, FacetValue[]> | null} facets
 */
function refinePanel(route, facets) {
    return el("aside", { id: "refine", class: "refine", "aria-labelledby": "refine-heading" },
        el("h2", { id: "refine-heading" }, "Narrow results"),
        dateForm(route),
        facets
            ? [...FACETS.map((facet) => facetGroup(route, facet, facets[facet] ?? [])), monthGroup(route, facets["month"] ?? [])]
            : el("p", { class: "hint" }, "Search to see how many articles each source, tag, place and month has."));
}

/** @param {ResultsRoute} route */
function dateForm(route) {
    return el("form", { class: "dates", "data-dates": true, "aria-label": "Publication dates" },
        el("fieldset", {},
            el("legend", {}, "Published"),
            el("label", {}, "From", el("input", { type: "date", name: "from", value: route.from })),
            el("label", {}, "To", el("input", { type: "date", name: "to", value: route.to })),
            el("button", { type: "submit" }, "Apply dates")));
}

/**
 * @param {ResultsRoute} route
 * @param {Facet} facet
 * @param {FacetValue[]} values
 */
function facetGroup(route, facet, values) {
    return values.length === 0 ? null : el("section", { class: "facet", "aria-labelledby": `facet-${facet}` },
        el("h3", { id: `facet-${facet}` }, FACET_TITLES[facet]),
        el("ul", {}, values.map(({ value, count }) => {
            const selected = route.filters[facet].includes(value);
            return facetLink(resultsHref(toggleFilter(route, facet, value)), `${facet}:${value}`, value, count, selected);
        })));
}

/**
 * Months narrow by date: a click sets from and to to that month's first and last day.
 * @param {ResultsRoute} route
 * @param {FacetValue[]} values
 */
function monthGroup(route, values) {
    return values.length === 0 ? null : el("section", { class: "facet", "aria-labelledby": "facet-month" },
        el("h3", { id: "facet-month" }, "Month"),
        el("ul", {}, values.map(({ value, count }) => {
            const range = monthRange(value);
            const selected = route.from === range.from && route.to === range.to;
            const target = selected ? changed(route, { from: "", to: "" }) : changed(route, range);
            return facetLink(resultsHref(target), `month:${value}`, monthName(value), count, selected);
        })));
}

/**
 * @param {string} href
 * @param {string} key
 * @param {string} label
 * @param {number} count
 * @param {boolean} selected
 */
function facetLink(href, key, label, count, selected) {
    return el("li", {},
        el("a", { href, "data-nav": true, "data-focus-key": key, class: selected ? "selected" : null, "aria-current": selected ? "true" : null },
            el("span", { class: "facet-value" }, label),
            el("span", { class: "count" }, spoken(", "), count.toLocaleString("en-GB"), spoken(count === 1 ? " article" : " articles")),
            selected ? spoken(", selected: select to remove") : null));
}

/** @param {ResultsRoute} route */
function isFiltered(route) {
    return FACETS.some((facet) => route.filters[facet].length > 0) || Boolean(route.from || route.to);
}

/**
 * @param {string} from
 * @param {string} to
 */
function dateRangeLabel(from, to) {
    return from && to ? `${from} to ${to}` : from ? `from ${from}` : `until ${to}`;
}
