import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { reader, tassSlug } from "./service.js";

describe("reading", () => {
    it("lists the seeded TASS report with its total", async () => {
        const page = await reader.listArticles({ source: ["TASS"], limit: "5" });

        assert.ok(page.total >= 1);
        const tass = page.items.find((a) => a.slug === tassSlug);
        assert.ok(tass, "the TASS report is listed");
        assert.equal(tass.place, "Tashkent");
        assert.deepEqual(tass.tags, ["islamic-state", "refugees", "terrorism"]);
    });

    it("gets an article by slug with its dateline and sections", async () => {
        const article = await reader.getArticle(tassSlug);

        assert.equal(article.dateline, "TASHKENT, September 18. /TASS/.");
        assert.equal(article.sections.length, 4);
        assert.equal(article.sections[1]?.heading, "EU refugee flow grows due to IS terror, not Assad");
    });

    it("gets the text form as the wire sent it", async () => {
        const text = await reader.getArticleText(tassSlug);

        assert.equal(typeof text, "string");
        assert.match(text, /^All news\n\nRussian Security Service: Refugee crisis/);
        assert.match(text, /TASHKENT, September 18\. \/TASS\/\. The Islamic State/);
    });

    it("gets the quotations with their speaker", async () => {
        const quotes = await reader.getQuotes(tassSlug);

        assert.equal(quotes.length, 10);
        assert.ok(quotes.every((q) => q.speaker === "Sergey Smirnov"));
    });

    it("searches with facets and highlights", async () => {
        const results = await reader.search({ q: "refugees", source: ["TASS"], facets: "source,tag,month" });

        assert.ok(results.total >= 1);
        const hit = results.items.find((h) => h.slug === tassSlug);
        assert.ok(hit, "the TASS report is a hit");
        assert.match(hit.highlights.headline, /<mark>Refugee<\/mark>/);
        assert.deepEqual(results.facets?.source?.map((f) => f.value), ["TASS"]);
        assert.ok(results.facets?.month?.some((f) => f.value === "2015-09"));
        assert.equal(results.facets?.place, undefined, "only the facets asked for");
    });
});
