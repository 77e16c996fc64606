// Who is signed in: a bearer token kept for this browser tab only (sessionStorage), never in a cookie.

export interface Session {
  token: string;
  subject: string;
  roles: string[];
  customerId?: string;
  expiresAt?: number;
}

/** Reads the claims the page needs from a JWT; the signature is the gateway's business, not the page's. */
export function sessionOf(token: string): Session | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const json = decodeBase64Url(parts[1]!);
    const claims = JSON.parse(json) as Record<string, unknown>;
    const raw = claims.roles;
    const roles = Array.isArray(raw) ? raw.map(String)
      : typeof raw === 'string' ? raw.split(/[\s,]+/).filter(Boolean) : [];
    return {
      token: token.trim(),
      subject: String(claims.sub ?? ''),
      roles: roles.map((r) => r.toUpperCase()),
      customerId: typeof claims.customerId === 'string' ? claims.customerId : undefined,
      expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : undefined,
    };
  } catch {
    return null;
  }
}

export function isExpired(session: Session, now = Date.now()): boolean {
  return session.expiresAt !== undefined && session.expiresAt <= now;
}

export function hasRole(session: Session | null, ...roles: string[]): boolean {
  return !!session && roles.some((r) => session.roles.includes(r));
}

export class SessionStore {
  constructor(private readonly key: string) {}

  load(): Session | null {
    const token = sessionStorage.getItem(this.key);
    const session = token ? sessionOf(token) : null;
    if (!session || isExpired(session)) {
      this.clear();
      return null;
    }
    return session;
  }

  save(token: string): Session | null {
    const session = sessionOf(token);
    if (session && !isExpired(session)) sessionStorage.setItem(this.key, session.token);
    return session;
  }

  clear(): void {
    sessionStorage.removeItem(this.key);
  }
}

function decodeBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The embedded default's token desk (POST /api/dev/tokens); null when it is off (a real deployment). */
export async function devToken(subject: string, roles: string[], customerId?: string): Promise<string | null> {
  const response = await fetch('/api/dev/tokens', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ subject, roles, customerId: customerId ?? null }),
  });
  if (response.status === 404) return null;
  const body = await response.json().catch(() => ({})) as { token?: string; detail?: string };
  if (!response.ok || !body.token) throw new Error(body.detail ?? `HTTP ${response.status}`);
  return body.token;
}
