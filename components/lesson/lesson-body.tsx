// Renders a lesson's Markdown on the server (no client JavaScript). A `:::scenario` block
// becomes an aside labelled as fictional, so the label can never be forgotten by an author.
import Markdown, { type Components } from "react-markdown";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import { visit } from "unist-util-visit";
import type { Root } from "mdast";
import { keepClockTimes } from "./clock-times";

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

const components = (tableLabel: string): Components => ({
  // A wide table scrolls on a phone; the scroll box is focusable so keyboards can scroll it too.
  table: ({ node: _node, ...props }) => (
    <div className="table-scroll" role="region" aria-label={tableLabel} tabIndex={0}>
      <table {...props} />
    </div>
  ),
  a: ({ node: _node, href, ...props }) => {
    const external = href?.startsWith("http");
    return <a href={href} {...props} {...(external ? { rel: "noopener noreferrer" } : {})} />;
  },
});

export function LessonBody({ markdown, labels }: { markdown: string; labels: { fictional: string; table: string } }) {
  return (
    <div className="lesson-body">
      <Markdown remarkPlugins={[remarkGfm, remarkDirective, [remarkScenario, { label: labels.fictional }]]} components={components(labels.table)}>
        {keepClockTimes(markdown)}
      </Markdown>
    </div>
  );
}
