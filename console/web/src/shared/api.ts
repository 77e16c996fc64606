// The public API through the gateway, on this same origin: bearer token, JSON, RFC 9457 problems.

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
  }

  /** The last segment of the problem's type, e.g. `illegal-transition`. */
  get kind(): string {
    const type = this.problem.type ?? '';
    return type.slice(type.lastIndexOf('/') + 1);
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export class Api {
  constructor(
    private readonly token: () => string | null,
    private readonly onUnauthorized: () => void = () => {},
  ) {}

  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    return this.request<T>('GET', withQuery(path, query), undefined, undefined, signal);
  }

  /** A creating call: the same key sent again gets the first outcome, never a second one. */
  post<T>(path: string, body: unknown, idempotencyKey?: string): Promise<T> {
    return this.request<T>('POST', path, body, idempotencyKey);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  async request<T>(method: string, path: string, body?: unknown, idempotencyKey?: string,
      signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    const token = this.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    let response: Response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        signal, cache: 'no-store' });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new ApiError(0, { status: 0, title: 'network', detail: (e as Error).message });
    }
    const text = await response.text();
    const parsed = text ? safeJson(text) : undefined;
    if (!response.ok) {
      if (response.status === 401 && token) this.onUnauthorized();
      const problem: Problem = parsed && typeof parsed === 'object'
        ? { status: response.status, ...(parsed as object) } as Problem
        : { status: response.status, title: response.statusText, detail: text.slice(0, 200) };
      throw new ApiError(response.status, problem);
    }
    return parsed as T;
  }
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** An id the services accept as an Idempotency-Key (letters, digits, '-'); works outside secure contexts too. */
export function newKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return 'ui-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
