// A browser's cookie jar, as much of one as the sign-in tests need: one host (127.0.0.1, whose cookies a browser
// shares across ports), cookies by name and path, removed when expired; fetch with it, following no redirect itself.

interface Cookie {
  readonly value: string;
  readonly path: string;
}

export class CookieJar {
  private readonly cookies = new Map<string, Cookie>();

  /** Keeps the cookies a response sets (a cleared one, with Max-Age=0 or a past Expires, is removed). */
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const attr = (key: string) =>
        attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const path = attr('path') ?? '/';
      const maxAge = attr('max-age');
      const expires = attr('expires');
      const gone =
        value === '' ||
        (maxAge !== undefined && Number(maxAge) <= 0) ||
        (expires !== undefined && Date.parse(expires) <= Date.now());
      const key = `${name} ${path}`;
      if (gone) this.cookies.delete(key);
      else this.cookies.set(key, { value, path });
    }
  }

  /** The Cookie header a browser sends to `url`. */
  header(url: string): string {
    const { pathname } = new URL(url);
    return [...this.cookies.entries()]
      .filter(([, c]) => pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map(([key, c]) => `${key.split(' ')[0]}=${c.value}`)
      .join('; ');
  }

  /** The value of a cookie by name, if the jar has it. */
  get(name: string): string | undefined {
    return [...this.cookies.entries()].find(([key]) => key.split(' ')[0] === name)?.[1].value;
  }

  /** A copy, to replay an old state of the browser. */
  clone(): CookieJar {
    const copy = new CookieJar();
    for (const [key, cookie] of this.cookies) copy.cookies.set(key, cookie);
    return copy;
  }

  /** fetch with this jar's cookies, keeping what the response sets; redirects are returned, not followed. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const cookie = this.header(url);
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string> | undefined), ...(cookie ? { cookie } : {}) },
    });
    this.store(response);
    return response;
  }
}
