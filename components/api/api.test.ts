// The API client's contract: the server's message and field in one error type (the prefix of a
// validation message dropped), an empty message when the answer is not the API's (the form then
// uses its own words), status 0 for a lost connection, JSON and same-origin requests only.
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiGet, apiSend, ApiError, errorFrom, request } from "./api";
import { shouldRetry } from "./query-client";
import { toFailure } from "@/components/ui/form/form-state";

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

afterEach(() => vi.unstubAllGlobals());

function stubFetch(answer: Response | Error) {
  const fn = vi.fn(async (_url: string, _init?: RequestInit) => {
    if (answer instanceof Error) throw answer;
    return answer;
  });
  vi.stubGlobal("fetch", fn);
  return fn;
}

describe("errorFrom", () => {
  it.each([
    ["a validation message: field marked, prefix dropped", json({ error: "nickname: Use letters.", field: "nickname" }, 400), { message: "Use letters.", status: 400, field: "nickname" }],
    ["a nested field keeps its path", json({ error: "coFacilitatorEmails.1: Not an email.", field: "coFacilitatorEmails.1" }, 400), { message: "Not an email.", status: 400, field: "coFacilitatorEmails.1" }],
    ["a refusal about no field", json({ error: "This group is archived." }, 409), { message: "This group is archived.", status: 409, field: undefined }],
    ["a message that merely starts like another field is kept", json({ error: "email: taken", field: "code" }, 400), { message: "email: taken", status: 400, field: "code" }],
    ["a proxy's HTML page", new Response("<html>Bad gateway</html>", { status: 502 }), { message: "", status: 502, field: undefined }],
    ["JSON null", json(null, 500), { message: "", status: 500, field: undefined }],
    ["an error that is not a string, an empty field", json({ error: 42, field: "" }, 400), { message: "", status: 400, field: undefined }],
  ])("maps %s", async (_name, res, expected) => {
    const error = await errorFrom(res);
    expect(error).toBeInstanceOf(ApiError);
    expect({ message: error.message, status: error.status, field: error.field }).toEqual(expected);
  });

  it("keeps the message's code and arguments, for a page that words it itself", async () => {
    const error = await errorFrom(json({ error: "Cette session est complète…", code: "live.full", args: { capacity: 1000 } }, 409));
    expect(error).toMatchObject({ message: "Cette session est complète…", status: 409, code: "live.full", args: { capacity: 1000 } });
    expect(await errorFrom(json({ error: "x", code: 3, args: "no" }, 400))).toMatchObject({ code: undefined, args: undefined });
  });

  it("gives the form kit the server's words and field, or the form's own words when there are none", async () => {
    expect(toFailure(await errorFrom(json({ error: "password: Too short.", field: "password" }, 400)), "Try again.")).toEqual({ message: "Too short.", field: "password" });
    expect(toFailure(await errorFrom(new Response("", { status: 503 })), "Try again.")).toEqual({ message: "Try again." });
    expect(toFailure(new ApiError("", 0), "Check your connection.")).toEqual({ message: "Check your connection." });
  });
});

describe("apiGet and apiSend", () => {
  it("GETs JSON from the app's own path, uncached", async () => {
    const fetch = stubFetch(json({ ok: 1 }));
    await expect(apiGet("/api/progress?locale=en")).resolves.toEqual({ ok: 1 });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe("/api/progress?locale=en");
    expect(init).toMatchObject({ method: "GET", credentials: "same-origin", cache: "no-store" });
    expect(init?.body).toBeUndefined();
  });

  it("sends exactly application/json, an empty object when there is no body", async () => {
    const fetch = stubFetch(json({ id: "c1" }));
    await expect(apiSend<{ id: string }>("DELETE", "/api/cohorts/c1")).resolves.toEqual({ id: "c1" });
    const init = fetch.mock.calls[0][1];
    expect(init).toMatchObject({ method: "DELETE", body: "{}", credentials: "same-origin" });
    expect((init?.headers as Record<string, string>)["Content-Type"]).toBe("application/json");
  });

  it("names the page's language (X-Locale), so the server words its errors in it", async () => {
    vi.stubGlobal("document", { documentElement: { lang: "ar" } });
    const get = stubFetch(json({ ok: 1 }));
    await apiGet("/api/progress");
    const send = stubFetch(json({ ok: 1 }));
    await apiSend("POST", "/api/x", {});
    for (const fetch of [get, send]) expect((fetch.mock.calls[0][1]?.headers as Record<string, string>)["X-Locale"]).toBe("ar");
  });

  it("sends no X-Locale where there is no page (the server then uses the cookie or Accept-Language)", async () => {
    const fetch = stubFetch(json({ ok: 1 }));
    await apiGet("/api/progress");
    expect(fetch.mock.calls[0][1]?.headers).not.toHaveProperty("X-Locale");
  });

  it("reads an empty success as undefined", async () => {
    stubFetch(new Response(null, { status: 204 }));
    await expect(apiSend("POST", "/api/x", { a: 1 })).resolves.toBeUndefined();
  });

  it("throws the server's refusal as an ApiError", async () => {
    stubFetch(json({ error: "code: Not a group code.", field: "code" }, 404));
    await expect(apiSend("POST", "/api/join", { code: "x" })).rejects.toMatchObject({ name: "ApiError", status: 404, field: "code", message: "Not a group code." });
  });

  it("throws a lost connection as an ApiError with status 0 and no words", async () => {
    stubFetch(new TypeError("Failed to fetch"));
    const error = await apiGet("/api/me/assignments").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, message: "", offline: true });
  });

  it("lets a cancelled request stay a cancellation (react-query drops it)", async () => {
    const abort = new AbortController();
    abort.abort();
    stubFetch(new DOMException("aborted", "AbortError"));
    await expect(apiGet("/api/x", abort.signal)).rejects.toMatchObject({ name: "AbortError" });
  });

  it("throws a 200 that is not JSON (a captive portal) as an ApiError without words", async () => {
    stubFetch(new Response("<html>Sign in to the Wi-Fi</html>", { status: 200 }));
    await expect(apiGet("/api/x")).rejects.toMatchObject({ status: 200, message: "" });
  });

  it.each(["https://evil.example/api", "//evil.example/api", "/\\evil.example", "api/x"])("refuses %s: only the app's own paths", async (url) => {
    const fetch = stubFetch(json({}));
    await expect(request("GET", url)).rejects.toThrow(/own paths/);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("shouldRetry", () => {
  it.each([
    [0, new ApiError("", 0), true],
    [1, new ApiError("", 503), true],
    [2, new ApiError("", 503), false],
    [0, new ApiError("", 429), true],
    [0, new ApiError("", 408), true],
    [0, new ApiError("Not yours.", 403), false],
    [0, new ApiError("", 404), false],
    [0, new Error("parse"), true],
  ])("after %i failures, %o -> %s", (failures, error, retry) => {
    expect(shouldRetry(failures, error)).toBe(retry);
  });
});
