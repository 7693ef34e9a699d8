// The one way to name a download (RFC 6266 with RFC 8187's filename*): the name in UTF-8 for
// browsers, and a plain ASCII fallback for the rest. A header value must be Latin-1 (the Fetch
// API throws on anything else: a group called "Группа 7" made the CSV export answer 500), so the
// UTF-8 name is percent-encoded. Pure: no I/O.
import { plainName } from "@/lib/text/names";

/** What a file name must not hold: path separators, quotes, Windows' reserved characters, U+FFFD. */
const UNSAFE = /[\\/:*?"<>|\uFFFD]+/g;
/** RFC 8187 attr-char: everything else is percent-encoded. */
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;

function tidy(name: string): string {
  return name
    .replace(UNSAFE, "-")
    .replace(/\s+/g, " ")
    .replace(/^[\s.-]+|[\s.-]+$/g, "") // no hidden file, no "..", no trailing dot (Windows drops it)
    .slice(0, 80)
    .trim();
}

/** The name in ASCII: accents dropped ("Zoë" -> "Zoe"), other letters and punctuation as "-". */
function asciiFallback(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9 ._()-]+/g, "-")
    .replace(/\s*-[\s-]*/g, "-");
}

function encodeRfc8187(value: string): string {
  return [...new TextEncoder().encode(value)]
    .map((b) => (b < 0x80 && ATTR_CHAR.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, "0")}`))
    .join("");
}

/**
 * `Content-Disposition` for a download called `base` + "." + `extension`. `base` may be anything
 * a user typed (a group's name); `fallback` is used when nothing of it is left.
 */
export function attachment(base: string, extension: string, fallback = "download"): string {
  const name = tidy(plainName(base)) || fallback;
  const ascii = tidy(asciiFallback(name)) || fallback;
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeRfc8187(`${name}.${extension}`)}`;
}
