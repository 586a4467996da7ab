const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

/** A JSON answer from text already serialised (an idempotent replay sends the stored bytes). */
export function jsonText(status: number, text: string, extra?: Record<string, string>): Response {
  return new Response(text, { status, headers: { ...JSON_TYPE, ...extra } });
}

/** The JSON answer of the API's routes and errors. */
export function jsonResponse(status: number, body: unknown): Response {
  return jsonText(status, JSON.stringify(body));
}
