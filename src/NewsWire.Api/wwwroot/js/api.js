// @ts-check
// Requests to NewsWire's own API, typed by the client's generated schema (clients/typescript/src/schema.d.ts):
// `tsc` in CI fails when a route, a parameter or a field the page uses is not in the OpenAPI document.

/** @typedef {import("newswire-schema").paths} Paths */
/** @typedef {import("newswire-schema").components["schemas"]} Schemas */
/** @typedef {Schemas["HttpValidationProblemDetails"]} Problem */
/** @typedef {Schemas["ArticleSummary"]} ArticleSummary */

/**
 * The routes whose GET answers JSON.
 * @typedef {{ [P in keyof Paths]: Paths[P] extends { get: { responses: { 200: { content: { "application/json": unknown } } } } } ? P : never }[keyof Paths]} JsonRoute
 */

/**
 * @template {JsonRoute} P
 * @typedef {Paths[P] extends { get: { responses: { 200: { content: { "application/json": infer T } } } } } ? T : never} JsonOf
 */

/**
 * @template {JsonRoute} P
 * @typedef {Paths[P] extends { get: { parameters: { query?: infer Q } } } ? NonNullable<Q> : never} QueryOf
 */

/**
 * @template {JsonRoute} P
 * @typedef {Paths[P] extends { get: { parameters: { path: infer A } } } ? A : never} PathOf
 */

/** Why a request failed: the network (nothing answered) or NewsWire's answer (a problem). */
export class ApiError extends Error {
    /**
     * @param {"network" | "problem"} kind
     * @param {number} status 0 when nothing answered
     * @param {Problem} problem
     */
    constructor(kind, status, problem) {
        super(problem.detail ?? problem.title ?? `HTTP ${status}`);
        this.name = "ApiError";
        this.kind = kind;
        this.status = status;
        this.problem = problem;
    }
}

/**
 * GET a route of the API as JSON.
 * @template {JsonRoute} P
 * @param {P} route a route as the OpenAPI document names it, e.g. "/api/articles/{id}"
 * @param {{ path?: PathOf<P>, query?: QueryOf<P> }} parameters
 * @param {AbortSignal} signal
 * @returns {Promise<JsonOf<P>>}
 */
export async function getJson(route, parameters, signal) {
    const url = routeUrl(route, parameters.path ?? {}, parameters.query ?? {});
    return /** @type {JsonOf<P>} */ (await request(url, signal));
}

/**
 * Stories like this one, from GET /api/articles/{id}/related (a list of summaries); null on a 404 (no such
 * article, e.g. deleted since the page read it), so the page can leave the section out. The route is in the
 * OpenAPI document, but this function types the answer itself and accepts a plain list or a page with items.
 * @param {string} slug
 * @param {AbortSignal} signal
 * @returns {Promise<ArticleSummary[] | null>}
 */
export async function getRelated(slug, signal) {
    try {
        const answer = await request(routeUrl("/api/articles/{id}/related", { id: slug }, {}), signal);
        const items = Array.isArray(answer) ? answer : /** @type {{ items?: unknown }} */ (answer)?.items;
        return Array.isArray(items) ? /** @type {ArticleSummary[]} */ (items) : null;
    } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
            return null;
        }

        throw error;
    }
}

/**
 * @param {string} route
 * @param {Record<string, string>} path
 * @param {Record<string, string | string[] | undefined>} query empty values are left out
 */
export function routeUrl(route, path, query) {
    const pathname = route.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(path[name] ?? ""));
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
        for (const one of Array.isArray(value) ? value : [value]) {
            if (one !== undefined && one !== "") {
                search.append(name, one);
            }
        }
    }

    const text = search.toString();
    return text ? `${pathname}?${text}` : pathname;
}

/**
 * @param {string} url
 * @param {AbortSignal} signal
 * @returns {Promise<unknown>}
 */
async function request(url, signal) {
    let response;
    try {
        response = await fetch(url, { headers: { Accept: "application/json" }, signal });
    } catch (error) {
        if (signal.aborted) {
            throw error;
        }

        throw new ApiError("network", 0, { title: "NewsWire could not be reached.", detail: null });
    }

    const body = await readJson(response);
    if (response.ok && body !== undefined) {
        return body;
    }

    const problem = typeof body === "object" && body !== null && !response.ok
        ? /** @type {Problem} */ (body)
        : { status: response.status, title: response.ok ? "NewsWire's answer could not be read." : response.statusText || `HTTP ${response.status}`, detail: null };
    throw new ApiError("problem", response.status, problem);
}

/**
 * The body as JSON; undefined when it is not JSON (a proxy's error page, a cut connection).
 * @param {Response} response
 */
async function readJson(response) {
    if (!/json/i.test(response.headers.get("Content-Type") ?? "")) {
        return undefined;
    }

    try {
        return /** @type {unknown} */ (await response.json());
    } catch {
        return undefined;
    }
}
