/** Browser-side POST of JSON with a typed answer; a refusal throws with the server's sentence and status. */
export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** `statusSentence` words an answer that carried no sentence of its own, in the reader's language. */
export async function postJson<T>(url: string, body: unknown, statusSentence: (status: number) => string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal,
    cache: "no-store",
  });
  if (!response.ok) {
    const answer = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new HttpError(answer?.error ?? statusSentence(response.status), response.status);
  }
  return (await response.json()) as T;
}

/** A poll's retry rule: a refusal (bad request, signed out, forbidden) will not change by asking again; the rest twice. */
export const retryUnlessRefused = (failures: number, error: Error) =>
  !(error instanceof HttpError && [400, 401, 403].includes(error.status)) && failures < 2;
