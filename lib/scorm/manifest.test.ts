import { describe, expect, it } from "vitest";
import { buildManifest, escapeXml, xmlId } from "./manifest";
import { attributeValues, xmlProblems } from "./xml-check";

const input = { identifier: "common-ground-course-en", title: `Tom & Jerry's <"course">`, launch: "index.html", files: ["index.html", "style.css", "fonts/a b.woff2"], passPercent: 70 };

describe("the check itself", () => {
  it.each([
    ["<a><b></a></b>", "</a> closes <b>"],
    ["<a>x & y</a>", "a bad entity in text at 3"],
    ['<a x="1" x="2"/>', "<a> repeats x"],
    ["<a/><b/>", "2 root elements"],
    ["<a>", "unclosed: a"],
  ])("finds what is wrong in %s", (xml, problem) => {
    expect(xmlProblems(xml)).toContain(problem);
  });
});

describe.each(["1.2", "2004"] as const)("the SCORM %s manifest", (version) => {
  const xml = buildManifest({ ...input, version });

  it("is well-formed XML", () => {
    expect(xmlProblems(xml)).toEqual([]);
  });

  it("has unique identifiers, and every reference points at one", () => {
    const ids = [...attributeValues(xml, "manifest", "identifier"), ...attributeValues(xml, "organization", "identifier"), ...attributeValues(xml, "item", "identifier"), ...attributeValues(xml, "resource", "identifier")];
    expect(new Set(ids).size).toBe(ids.length);
    for (const ref of [...attributeValues(xml, "item", "identifierref"), ...attributeValues(xml, "organizations", "default")]) expect(ids).toContain(ref);
  });

  it("lists each file once and launches the SCO's page", () => {
    expect(attributeValues(xml, "file", "href")).toEqual(input.files);
    expect(attributeValues(xml, "resource", "href")).toEqual(["index.html"]);
    expect(xml).toMatch(version === "1.2" ? /adlcp:scormtype="sco"/ : /adlcp:scormType="sco"/);
  });

  it("keeps the title's characters as text", () => {
    expect(xml).toContain("<title>Tom &amp; Jerry&apos;s &lt;&quot;course&quot;&gt;</title>");
  });

  it("names its edition and the pass mark", () => {
    if (version === "1.2") {
      expect(xml).toContain("<schemaversion>1.2</schemaversion>");
      expect(xml).toContain("<adlcp:masteryscore>70</adlcp:masteryscore>");
    } else {
      expect(xml).toContain("<schemaversion>2004 4th Edition</schemaversion>");
      expect(xml).toContain("<imsss:minNormalizedMeasure>0.70</imsss:minNormalizedMeasure>");
    }
  });
});

describe("names", () => {
  it("makes XML ids of anything", () => {
    expect(xmlId("course en/1")).toBe("course-en-1");
    expect(xmlId("1st")).toBe("id-1st");
  });
  it("drops characters XML cannot hold", () => {
    expect(escapeXml("a\u0001b\u000bc")).toBe("abc");
  });
});
