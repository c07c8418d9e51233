import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { NewsWireProblem } from "../src/index.js";
import { reader } from "./service.js";

describe("problems", () => {
    it("surfaces a query that only excludes as a 400 problem naming q", async () => {
        const error = await reader.search({ q: "-refugees" }).catch((e: unknown) => e);

        assert.ok(error instanceof NewsWireProblem, `expected a NewsWireProblem, got ${String(error)}`);
        assert.equal(error.status, 400);
        assert.equal(error.problem.title, "The request is not valid.");
        assert.match(error.errors("q")[0] ?? "", /only excludes/);
        assert.match(error.message, /^400 The request is not valid\./);
    });

    it("surfaces an unknown article as a 404 problem", async () => {
        const error = await reader.getArticle("no-such-article").catch((e: unknown) => e);

        assert.ok(error instanceof NewsWireProblem);
        assert.equal(error.status, 404);
        assert.match(error.problem.detail ?? "", /no-such-article/);
    });
});
