// The bare page with a stylesheet: the page at "/" plus one render-blocking stylesheet of the app's
// weight (app.css: bench/lib/baseline-app.ts writes the app's own built stylesheet there, its
// font faces taken out, when it builds this app). A control for Lighthouse (bench/README.md,
// suite 5), reported without a target: over loopback a stylesheet request holds the first paint
// until the scripts have arrived, and Lighthouse's simulation then counts their download in the
// largest paint. What is left between this page and the app's is the app's own.
import "./app.css";

// The same page as "/", so that the stylesheet is the only difference.
export { default } from "../page";
