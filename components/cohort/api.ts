// Small fetch helpers for the cohort islands: JSON in, JSON out, and the API's safe error message
// ({ error, field? }) handed back as it is, so a suspended facilitator reads why.

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly field?: string,
  ) {
    super(message);
  }
}

async function failure(res: Response, fallback: string): Promise<ApiError> {
  const body = (await res.json().catch(() => ({}))) as { error?: string; field?: string };
  let message = body.error || fallback;
  // Zod messages arrive as "field: message"; the form marks the field itself instead.
  if (body.field && message.startsWith(`${body.field}: `)) message = message.slice(body.field.length + 2);
  return new ApiError(message, res.status, body.field);
}

export async function getJson<T>(url: string, fallback = "Request failed"): Promise<T> {
  const res = await fetch(url, { cache: "no-store", headers: { Accept: "application/json" } });
  if (!res.ok) throw await failure(res, fallback);
  return (await res.json()) as T;
}

export async function sendJson<T = unknown>(url: string, method: "POST" | "DELETE", body: unknown, fallback: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body ?? {}) });
  } catch {
    throw new ApiError(fallback, 0);
  }
  if (!res.ok) throw await failure(res, fallback);
  return (await res.json()) as T;
}
