// Stylelint guards one thing here: that no physical direction (left, right) comes back into the
// stylesheets, so every page mirrors by itself when <html dir="rtl"> (issue #25). Layout is
// written with logical properties: margin-inline-start, padding-inline, inset-inline-end,
// border-inline-start, text-align: start, float: inline-start.
//
// csstools/use-logical reports left/right properties and values. Its other half, top/bottom and
// width/height, is the block axis, which is the same in every language the app can offer
// (horizontal scripts), so it is excepted rather than rewriting a few hundred harmless lines.
// Three gaps of the plugin are closed with core rules: scroll-margin/padding-left|right, the
// four-value shorthands whose second and fourth values are right and left, and left/right as a
// position keyword.
/** @type {import("stylelint").Config} */
const config = {
  plugins: ["stylelint-use-logical"],
  ignoreFiles: ["node_modules/**", ".next/**", "**/node_modules/**", "playwright-report/**", "test-results/**"],
  rules: {
    "csstools/use-logical": [
      "always",
      {
        except: [
          "top",
          "bottom",
          /^(margin|padding)-(top|bottom)$/i,
          /^border-(top|bottom)(-(color|style|width))?$/i,
          /^(min-|max-)?(width|height)$/i,
        ],
      },
    ],
    "property-disallowed-list": [[/^scroll-(margin|padding)-(left|right)$/i], { message: (p) => `"${p}" is a physical direction: use the inline-start/-end form` }],
    "declaration-property-value-disallowed-list": [
      {
        // margin: 0 1rem 0 2rem sets right then left: write margin-block and margin-inline.
        "/^(margin|padding|inset|scroll-margin|scroll-padding|border-width|border-style|border-color)$/": [/^\s*\S+\s+\S+\s+\S+\s+\S+\s*$/],
        // Corner radii in the shorthand are physical (top-left first) once two values differ.
        "border-radius": [/^\s*[^\s/]+\s+[^\s/]+/],
        "/^(background-position(-x)?|transform-origin|object-position|perspective-origin)$/": [/\b(left|right)\b/i],
      },
      { message: (p, v) => `"${p}: ${v}" names a physical side: use logical properties (margin-inline, inset-inline-start, border-start-start-radius, start/end)` },
    ],
  },
};

export default config;
