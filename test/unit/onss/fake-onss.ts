/**
 * A scripted `fetch` for unit tests of the ONSS client: token requests get tokens, API requests get
 * the answers queued by the test (a Response, or an error to throw as a network failure would).
 */
export type Scripted = Response | Error | ((request: Request) => Response | Promise<Response>);

export function fakeOnss(options: { expiresIn?: number } = {}) {
  const apiAnswers: Scripted[] = [];
  const tokenAnswers: Scripted[] = [];
  const requests: Request[] = [];
  let tokensIssued = 0;
  const fetchImpl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    requests.push(request);
    const isToken = new URL(request.url).pathname.endsWith('/token');
    const queued = (isToken ? tokenAnswers : apiAnswers).shift();
    if (queued instanceof Error) throw queued;
    if (typeof queued === 'function') return queued(request);
    if (queued) return queued;
    if (isToken) {
      tokensIssued += 1;
      return json({ access_token: `token-${tokensIssued}`, token_type: 'Bearer', expires_in: options.expiresIn ?? 3600 });
    }
    throw new Error('no scripted answer for this API request');
  };
  return {
    fetch: fetchImpl as typeof fetch,
    requests,
    apiRequests: () => requests.filter((r) => !new URL(r.url).pathname.endsWith('/token')),
    tokenRequests: () => requests.filter((r) => new URL(r.url).pathname.endsWith('/token')),
    answerApi: (...answers: Scripted[]) => apiAnswers.push(...answers),
    answerToken: (...answers: Scripted[]) => tokenAnswers.push(...answers),
  };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
