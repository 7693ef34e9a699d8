// Lesson and track Markdown to HTML, on the server (at build time for static pages). The page
// embeds the result as one string, so React ships it in the page's inline payload as text rather
// than as an element tree, and does not walk it when the page hydrates: one element to check
// instead of one per paragraph, list item and cell. The first lesson's HTML went from 42.8 to
// 39.9 KB (bench/).
//
// Safety, as react-markdown had it: raw HTML in the Markdown is shown as text, never parsed;
// link and image URLs with a scheme other than http(s), mailto, irc(s) or xmpp are emptied.
// A `:::scenario` block becomes an aside labelled as fictional, so the label can never be
// forgotten by an author; a table gets a focusable, labelled scroll box (wide tables scroll on a
// phone, and keyboards can scroll them too); an external link gets rel="noopener noreferrer".
import type { Element, ElementContent, Root as HastRoot } from "hast";
import { toHtml } from "hast-util-to-html";
import { urlAttributes } from "html-url-attributes";
import type { Root } from "mdast";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { keepClockTimes } from "./clock-times";

export interface MarkdownLabels {
  /** The visible label on a fictional scenario, and its aside's accessible name. */
  fictional: string;
  /** The accessible name of a table's scroll box. */
  table: string;
}

function remarkScenario(options: { label: string }) {
  return (tree: Root) => {
    visit(tree, "containerDirective", (node) => {
      if (node.name !== "scenario") return;
      node.data = { hName: "aside", hProperties: { className: ["scenario"], "aria-label": options.label } };
      node.children.unshift({
        type: "paragraph",
        data: { hName: "p", hProperties: { className: ["scenario-label"] } },
        children: [{ type: "text", value: options.label }],
      });
    });
  };
}

const SAFE_PROTOCOL = /^(https?|ircs?|mailto|xmpp)$/i;

/** A URL kept as written when relative or of a safe scheme; "" otherwise (react-markdown's rule). */
export function safeUrl(value: string): string {
  const colon = value.indexOf(":");
  const question = value.indexOf("?");
  const hash = value.indexOf("#");
  const slash = value.indexOf("/");
  if (colon === -1 || (slash !== -1 && colon > slash) || (question !== -1 && colon > question) || (hash !== -1 && colon > hash) || SAFE_PROTOCOL.test(value.slice(0, colon))) {
    return value;
  }
  return "";
}

const TABLE_PARTS = new Set(["table", "thead", "tbody", "tfoot", "tr"]);

function rehypeLessonElements(options: { tableLabel: string }) {
  return (tree: HastRoot) => {
    visit(tree, (node, index, parent) => {
      // Raw HTML from the Markdown is shown as the text it is.
      if (node.type === "raw" && parent && typeof index === "number") {
        parent.children[index] = { type: "text", value: node.value };
        return;
      }
      if (node.type !== "element") return;
      for (const [attr, tags] of Object.entries(urlAttributes)) {
        if (Object.hasOwn(node.properties, attr) && (tags === null || tags.includes(node.tagName))) {
          const url = safeUrl(String(node.properties[attr] ?? ""));
          // An emptied image source would make the browser fetch the page itself again.
          if (url === "" && attr === "src") delete node.properties[attr];
          else node.properties[attr] = url;
        }
      }
      if (node.tagName === "a" && String(node.properties.href ?? "").startsWith("http")) {
        node.properties.rel = ["noopener", "noreferrer"];
      }
      // Whitespace between table rows and cells is no content (React dropped it too).
      if (TABLE_PARTS.has(node.tagName)) node.children = node.children.filter((c) => c.type !== "text" || c.value.trim() !== "");
      if (node.tagName === "table" && parent && typeof index === "number") {
        const box: Element = {
          type: "element",
          tagName: "div",
          properties: { className: ["table-scroll"], role: "region", ariaLabel: options.tableLabel, tabIndex: 0 },
          children: [node as ElementContent],
        };
        // The walk goes on into the table's own children (it keeps hold of the table).
        parent.children[index] = box;
      }
    });
  };
}

/**
 * Characters above U+00FF as numeric character references. The HTML means the same, and a page
 * whose text stays within Latin-1 is a one-byte string in V8: Next.js measures and writes a
 * prerendered page as a string on every request, ten times faster for a one-byte one (the lesson
 * page, about 110 us per request; bench/README.md). The output has no <script> or <style>, where
 * references would not be decoded: raw HTML in Markdown is shown as text.
 */
function latin1Only(html: string): string {
  return html.replace(/[\u{100}-\u{10FFFF}]/gu, (c) => `&#x${c.codePointAt(0)!.toString(16)};`);
}

/** The HTML of a piece of lesson or track Markdown (no wrapper element). */
export function markdownToHtml(markdown: string, labels: MarkdownLabels): string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkScenario, { label: labels.fictional })
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeLessonElements, { tableLabel: labels.table });
  const tree = processor.runSync(processor.parse(keepClockTimes(markdown))) as HastRoot;
  return latin1Only(toHtml(tree));
}
