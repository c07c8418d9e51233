// @ts-check
// Every element the page shows is made here, from text: no HTML strings anywhere, so nothing the server
// sends can become markup by accident (the page's CSP also makes HTML-string sinks throw).

/** @typedef {Node | string | number | null | undefined | false} Child */

/**
 * An element with attributes and children. Strings become text nodes; null, undefined and false are skipped,
 * so optional parts read as `article.lead && el("p", {}, article.lead)`.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attributes]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === true) {
            element.setAttribute(name, "");
        } else if (value !== false && value !== null && value !== undefined) {
            element.setAttribute(name, String(value));
        }
    }

    for (const child of children.flat()) {
        if (child !== null && child !== undefined && child !== false) {
            element.append(typeof child === "number" ? String(child) : child);
        }
    }

    return element;
}

/**
 * Text that screen readers say and sighted readers do not see, e.g. ", selected".
 * @param {string} text
 */
export function spoken(text) {
    return el("span", { class: "visually-hidden" }, text);
}

/**
 * The element with this id; the page's own markup guarantees it exists.
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
export function byId(id, type) {
    const element = document.getElementById(id);
    if (!(element instanceof type)) {
        throw new Error(`index.html has no ${type.name} #${id}`);
    }

    return element;
}
