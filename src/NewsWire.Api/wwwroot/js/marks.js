// @ts-check
// Search highlights arrive as HTML: the matched words in <mark>, everything else escaped. They are not
// parsed as HTML here. The string is cut at the literal tags <mark> and </mark>; every other piece is
// entity-decoded into a text node. So only <mark> can ever become an element, even if an unescaped
// "<img onerror>" reached this far.

const MARK_TAGS = /(<mark>|<\/mark>)/;
const ENTITY = /&(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});/gi;

/** @type {Record<string, string>} */
const NAMED = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'" };

/**
 * @param {string} html a highlight from /api/search
 * @returns {DocumentFragment} text nodes and <mark> elements holding text nodes
 */
export function markedText(html) {
    const fragment = document.createDocumentFragment();
    /** @type {HTMLElement | null} */
    let mark = null;
    for (const piece of html.split(MARK_TAGS)) {
        if (piece === "<mark>") {
            if (mark === null) {
                mark = document.createElement("mark");
                fragment.append(mark);
            }
        } else if (piece === "</mark>") {
            mark = null;
        } else if (piece !== "") {
            (mark ?? fragment).append(decodeEntities(piece));
        }
    }

    return fragment;
}

/**
 * The entities the server writes (&amp; &lt; &gt; &quot; &#39;) and any numeric one; anything else stays
 * as written, which is what an HTML parser would show for it too.
 * @param {string} text
 */
export function decodeEntities(text) {
    return text.replace(ENTITY, (entity, name) => {
        const lower = String(name).toLowerCase();
        if (lower in NAMED) {
            return NAMED[lower] ?? entity;
        }

        const code = lower.startsWith("#x") ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
        return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : entity;
    });
}
