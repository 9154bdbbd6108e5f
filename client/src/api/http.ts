/**
 * The one door to the server. Cookies carry the session (the SPA signs in with useCookies=true), so every call
 * includes credentials. Failures become ApiError with words a person understands.
 */

/** A server problem (RFC 9457) or a transport failure, in words a person understands. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly fieldErrors: Record<string, string[]>;

  constructor(message: string, status: number, code?: string, fieldErrors: Record<string, string[]> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

interface Problem {
  title?: string;
  detail?: string;
  status?: number;
  code?: string;
  errors?: Record<string, string[]>;
}

const statusWords: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'Please sign in again.',
  403: 'You are not allowed to do this.',
  404: 'It could not be found; it may have been deleted, or it is not visible to you.',
  409: 'This conflicts with something that already exists.',
  412: 'Someone else changed this meanwhile. Reload it and try again.',
  413: 'That is too large to send.',
  422: 'This is not allowed right now.',
  429: 'Too many requests; wait a moment and try again.',
};

/** Turns a problem document (or a bare status) into an ApiError. */
export function problemToError(status: number, body: string): ApiError {
  let problem: Problem = {};
  try {
    problem = body ? (JSON.parse(body) as Problem) : {};
  } catch {
    problem = {};
  }
  const message =
    problem.title && status !== 500 ? problem.title : (statusWords[status] ?? 'Something went wrong on our side. Try again in a moment.');
  return new ApiError(message, status, problem.code, problem.errors ?? {});
}

/**
 * The header the server requires on every write signed in with the session cookie (its CSRF protection: a cross-site
 * form cannot send it, and a cross-site script cannot without a CORS preflight the server never grants).
 */
export const csrfHeaders = { 'X-Requested-With': 'XMLHttpRequest' } as const;

/** fetch with the session cookie and the CSRF header; 4xx/5xx are left to the caller (the generated client handles them). */
export function httpFetch(url: RequestInfo, init?: RequestInit): Promise<Response> {
  const headers = new Headers(init?.headers);
  for (const [name, value] of Object.entries(csrfHeaders)) headers.set(name, value);
  return fetch(url, { ...init, headers, credentials: 'same-origin' }).catch(() => {
    throw new ApiError('The server cannot be reached. Check your connection and try again.', 0);
  });
}

/** What to show for any error thrown by the REST client, GraphQL or the network. */
export function describeError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (typeof error === 'object' && error !== null && 'isApiException' in error) {
    const e = error as unknown as { status: number; response: string };
    return problemToError(e.status, e.response);
  }
  if (error instanceof Error) return new ApiError(error.message, 0);
  return new ApiError('Something went wrong.', 0);
}

/** The If-Match value for a version read from GraphQL or REST (`version` fields): "3" with its quotes. */
export function ifMatch(version: number | null | undefined): string | undefined {
  return version === null || version === undefined ? undefined : `"${version}"`;
}
