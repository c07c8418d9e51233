import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { NewsWireProblem } from "../src/index.js";
import { reader, uniqueHeadline, writer } from "./service.js";

describe("writing", () => {
    it("creates, replaces and deletes an article with the key", async () => {
        const headline = uniqueHeadline("Kazakhstan raises grain export forecast");
        const created = await writer.createArticle({
            headline,
            body: "Kazakhstan expects to export 9 million tonnes of grain.\n\nThe forecast is up from August.",
            source: "TASS",
            place: "Astana",
            publishedAt: "2026-11-29",
            tags: ["grain"],
        });

        assert.equal(created.headline, headline);
        assert.equal(created.sections[0]?.paragraphs.length, 2);
        assert.equal((await reader.getArticle(created.slug)).id, created.id);

        const replaced = await writer.replaceArticle(created.id, { headline: headline + " again", body: "Revised." });
        assert.equal(replaced.body, "Revised.");

        await writer.deleteArticle(created.id);
        await assert.rejects(reader.getArticle(created.id), (e: unknown) => e instanceof NewsWireProblem && e.status === 404);
    });

    it("surfaces a write without the key as a typed 401 problem", async () => {
        const error = await reader.createArticle({ headline: uniqueHeadline("No key"), body: "Text." }).then(
            () => assert.fail("a write without a key must not succeed"),
            (e: unknown) => e,
        );

        assert.ok(error instanceof NewsWireProblem);
        assert.equal(error.status, 401);
        assert.equal(error.problem.status, 401);
        assert.match(error.problem.detail ?? "", /X-Api-Key/);
    });
});
