// @ts-check
// How dates and counts read on the page. Times are UTC, as the wire and the API give them.

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/**
 * "18 September 2015", with the time when the wire gave one ("18 September 2015, 14:05 UTC").
 * @param {string} iso
 */
export function publishedOn(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) {
        return iso;
    }

    const midnight = date.getUTCHours() === 0 && date.getUTCMinutes() === 0;
    return midnight ? DAY.format(date) : `${DAY.format(date)}, ${TIME.format(date)} UTC`;
}

/**
 * A month facet value, "2015-09", as "September 2015".
 * @param {string} month
 */
export function monthName(month) {
    const date = new Date(`${month}-01T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? month : MONTH.format(date);
}

/**
 * "1 article", "2,400 articles".
 * @param {number} count
 * @param {string} [noun]
 */
export function counted(count, noun = "article") {
    return `${count.toLocaleString("en-GB")} ${noun}${count === 1 ? "" : "s"}`;
}
