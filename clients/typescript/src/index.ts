import createClient, { type Client } from "openapi-fetch";
import { asProblem, NewsWireProblem } from "./problem.js";
import type { components, operations, paths } from "./schema.js";

export { NewsWireProblem, type Problem } from "./problem.js";
export type { components, operations, paths } from "./schema.js";

type Schemas = components["schemas"];
export type ArticleSummary = Schemas["ArticleSummary"];
export type ArticleDetail = Schemas["ArticleDetail"];
export type ArticleInput = Schemas["ArticleInput"];
export type ArticlePage = Schemas["ArticlePage"];
export type ArticleQuote = Schemas["ArticleQuote"];
export type SearchResults = Schemas["SearchResults"];
export type SearchHit = Schemas["SearchHit"];
export type ImportReport = Schemas["ImportReport"];

type QueryOf<O extends keyof operations> = NonNullable<operations[O]["parameters"]["query"]>;
export type ListQuery = QueryOf<"GetArticles">;
export type SearchQuery = QueryOf<"SearchArticles"> & { q: string };

export interface NewsWireOptions {
    /** Where NewsWire listens, e.g. `http://localhost:5080`. */
    baseUrl: string;
    /** Sent as `X-Api-Key` on every request; writes need it. */
    apiKey?: string;
    /** A fetch to use instead of the global one (tests, proxies). */
    fetch?: (request: Request) => Promise<Response>;
}

/**
 * A thin typed client: each method is one NewsWire operation, returns its 2xx body and throws a
 * {@link NewsWireProblem} for anything else. `api` is the underlying openapi-fetch client, typed by the
 * generated schema, for requests the methods do not cover.
 */
export function createNewsWireClient(options: NewsWireOptions) {
    const api: Client<paths, "application/json"> = createClient<paths, "application/json">({
        baseUrl: options.baseUrl,
        headers: options.apiKey ? { "X-Api-Key": options.apiKey } : {},
        ...(options.fetch ? { fetch: options.fetch } : {}),
    });

    return {
        api,
        listArticles: (query: ListQuery = {}) => unwrap(api.GET("/api/articles", { params: { query } })),
        getArticle: (id: string | number) => unwrap(api.GET("/api/articles/{id}", { params: { path: { id: String(id) } } })),
        /** The full story as the wire sent it: headline, lead, dateline, sub-headings and paragraphs. */
        getArticleText: (id: string | number) => unwrap(api.GET("/api/articles/{id}", {
            params: { path: { id: String(id) } },
            headers: { Accept: "text/plain" },
            parseAs: "text",
        })),
        getQuotes: (id: string | number) => unwrap(api.GET("/api/articles/{id}/quotes", { params: { path: { id: String(id) } } })),
        search: (query: SearchQuery) => unwrap(api.GET("/api/search", { params: { query } })),
        createArticle: (input: ArticleInput) => unwrap(api.POST("/api/articles", { body: input })),
        replaceArticle: (id: string | number, input: ArticleInput) =>
            unwrap(api.PUT("/api/articles/{id}", { params: { path: { id: String(id) } }, body: input })),
        deleteArticle: async (id: string | number): Promise<void> => {
            await unwrap(api.DELETE("/api/articles/{id}", { params: { path: { id: String(id) } } }));
        },
    };
}

export type NewsWireClient = ReturnType<typeof createNewsWireClient>;

/** The body of a 2xx answer, or a thrown NewsWireProblem. */
async function unwrap<D>(pending: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
    const { data, error, response } = await pending;
    if (response.ok) {
        return data as D;
    }

    throw new NewsWireProblem(response.status, asProblem(response.status, error, response.statusText));
}
