// Reading a request body with a ceiling (issue #19): a body above the limit is refused by its
// declared Content-Length before a byte is read, and a body that declares none (chunked) or
// declares less than it sends is read only up to the limit, then refused. Memory per request is
// bounded by the limit, not by what a client chooses to send.
import "server-only";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

/** The largest body any JSON route or the sign-in form accepts. */
export const MAX_BODY_BYTES = 64 * 1024;

function tooLarge(request: Request, how: "declared" | "streamed"): AppError {
  log("http.refused", { reason: `body too large (${how})`, method: request.method, path: new URL(request.url).pathname });
  return new AppError("too_large", "http.tooLarge");
}

/** The body's bytes, at most `limit` of them; a "too_large" AppError (413) beyond that. */
export async function readBodyBytes(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\s*\d+\s*$/.test(declared) && Number(declared) > limit) throw tooLarge(request, "declared");
  return readStreamCapped(request.body, limit, () => tooLarge(request, "streamed"));
}

/**
 * A stream's bytes, at most `limit` of them: past the limit the stream is cancelled (nothing more
 * of it is read or kept) and `tooLarge()` is thrown. For request bodies (above) and for responses
 * the server fetches from elsewhere (lib/lti/fetch.ts).
 */
export async function readStreamCapped(body: ReadableStream<Uint8Array> | null, limit: number, tooLarge: () => Error): Promise<Uint8Array<ArrayBuffer>> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

/** The body as text (UTF-8, as Request.text() decodes it), at most `limit` bytes of it. */
export async function readBodyText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, limit));
}
