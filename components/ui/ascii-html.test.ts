import { describe, expect, it } from "vitest";
import { asciiHtml } from "./ascii-html";

describe("asciiHtml", () => {
  it("keeps ASCII words and escapes markup characters", () => {
    expect(asciiHtml("English")).toBe("English");
    expect(asciiHtml(`<b a="1">&'`)).toBe("&#x3c;b a=&#x22;1&#x22;&#x3e;&#x26;&#x27;");
  });

  it("writes every other character as a reference, astral ones as one", () => {
    expect(asciiHtml("Français")).toBe("Fran&#xe7;ais");
    expect(asciiHtml("العربية")).toBe("&#x627;&#x644;&#x639;&#x631;&#x628;&#x64a;&#x629;");
    expect(asciiHtml("a😀")).toBe("a&#x1f600;");
    for (const name of ["Español", "العربية", "中文"]) expect(asciiHtml(name)).toMatch(/^[\x20-\x7e]*$/);
  });
});
