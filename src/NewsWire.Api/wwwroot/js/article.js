// @ts-check
// One article as the wire sent it: section, headline, lead, dateline, paragraphs under their sub-headings;
// then its quotations with their speakers and, where the service has them, related stories.
import { el } from "./dom.js";
import { counted } from "./format.js";
import { meta, tagLinks } from "./results.js";
import { articleHref, parseRoute } from "./route.js";

/** @typedef {import("./api.js").Schemas} Schemas */
/** @typedef {import("./route.js").ResultsRoute} ResultsRoute */

/**
 * @param {Schemas["ArticleDetail"]} article
 * @param {Schemas["ArticleQuote"][]} quotes
 * @param {string} backHref where "Back to results" leads: the results the reader came from, or the newest
 */
export function articleView(article, quotes, backHref) {
    // A tag on an article leads to every article with that tag.
    const allArticles = /** @type {ResultsRoute} */ (parseRoute(new URL("/", location.origin)));
    return el("div", { class: "article-layout" },
        el("p", { class: "back" }, el("a", { href: backHref, "data-back": true }, "← Back to results")),
        el("article", { class: "story", "aria-labelledby": "view-heading", lang: article.lang },
            el("header", { class: "story-header" },
                article.section && el("p", { class: "kicker" }, article.section),
                el("h1", { id: "view-heading", tabindex: "-1" }, article.headline),
                article.lead && el("p", { class: "lead" }, article.lead),
                el("p", { class: "meta" }, meta(article), ` · ${counted(article.wordCount, "word")}`),
                article.byline && el("p", { class: "byline" }, article.byline)),
            storyBody(article),
            article.credits && el("p", { class: "credits" }, article.credits),
            el("p", { class: "formats" },
                el("a", { href: `/api/articles/${encodeURIComponent(article.slug)}?format=text` }, "Plain text"),
                " · ",
                el("a", { href: `/api/articles/${encodeURIComponent(article.slug)}` }, "JSON"),
                originalLink(article.url)),
            tagLinks(allArticles, article.tags)),
        quotations(quotes),
        el("aside", { id: "related", class: "related", "aria-labelledby": "related-heading", hidden: true },
            el("h2", { id: "related-heading" }, "Related stories"),
            el("ul", {})));
}

/**
 * Fills in the related stories, or leaves the section hidden when there are none.
 * @param {HTMLElement} view
 * @param {Schemas["ArticleSummary"][] | null} related
 */
export function showRelated(view, related) {
    const section = view.querySelector("#related");
    const list = section?.querySelector("ul");
    if (!(section instanceof HTMLElement) || !list || !related || related.length === 0) {
        return;
    }

    list.replaceChildren(...related.map((story) => el("li", {},
        el("a", { href: articleHref(story.slug), "data-nav": true }, story.headline),
        el("p", { class: "meta" }, meta(story)))));
    section.hidden = false;
}

/**
 * Paragraphs are numbered across sections from 1, the dateline's paragraph being 1, as quotations count them,
 * so each quotation can link to its paragraph.
 * @param {Schemas["ArticleDetail"]} article
 */
function storyBody(article) {
    let number = 0;
    return el("div", { class: "story-body" }, article.sections.map((section, index) => {
        const headingId = `section-${index + 1}`;
        return el("section", { class: "story-section", "aria-labelledby": section.heading ? headingId : null },
            section.heading && el("h2", { id: headingId }, section.heading),
            section.paragraphs.map((paragraph) => {
                number += 1;
                const dateline = number === 1 && article.dateline ? [el("span", { class: "dateline" }, article.dateline), " "] : [];
                return el("p", { id: `p${number}` }, ...dateline, paragraph);
            }));
    }));
}

/** @param {Schemas["ArticleQuote"][]} quotes */
function quotations(quotes) {
    if (quotes.length === 0) {
        return null;
    }

    const speakers = [...new Set(quotes.map((q) => q.speaker).filter((s) => typeof s === "string"))];
    return el("aside", { class: "quotes", "aria-labelledby": "quotes-heading" },
        el("h2", { id: "quotes-heading" }, "Quotations"),
        el("p", { class: "quotes-summary" }, `${counted(quotes.length, "quotation")}${speakers.length ? ` by ${speakers.join(", ")}` : ""}`),
        el("ol", {}, quotes.map((quote) => el("li", {},
            el("figure", {},
                el("blockquote", {}, el("p", {}, `“${quote.text}”`)),
                el("figcaption", {},
                    el("span", { class: "speaker" }, quote.speaker ?? "Unattributed"),
                    ", ",
                    el("a", { href: `#p${quote.paragraph}`, "data-paragraph": quote.paragraph }, `paragraph ${quote.paragraph}`)))))));
}

/**
 * The agency's own address, linked only when it is a web address.
 * @param {string | null | undefined} url
 */
function originalLink(url) {
    if (!url || !/^https?:\/\//i.test(url)) {
        return null;
    }

    return [" · ", el("a", { href: url, rel: "noopener noreferrer external" }, "Original")];
}
