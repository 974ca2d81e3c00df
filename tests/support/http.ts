/** A reader's browser: tracked links count clicks from browsers only (scripts and preview fetchers are not readers). */
export const READER = { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' };

/** Small JSON helpers for API tests: they return status and parsed body, never throw on 4xx. */
export async function api(
  base: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown; raw?: string; contentType?: string } = {},
): Promise<{ status: number; body: any; headers: Headers }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined;
  if (options.raw !== undefined) {
    body = options.raw;
    headers['content-type'] = options.contentType ?? 'application/json';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(base + path, { method, headers, body, redirect: 'manual' });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text (HTML pages)
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

export function validItem(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'article',
    title: 'Our new office in Leipzig',
    url: 'https://www.contoso.example/blog/leipzig?src=intranet',
    why: 'A good story about where we grow.',
    imageUrl: 'https://www.contoso.example/img/leipzig.jpg',
    language: 'en',
    topics: ['culture'],
    audience: { departments: [], locations: [] },
    posts: { linkedin: 'We opened an office in Leipzig!', x: 'New office in Leipzig!' },
    hashtags: ['Leipzig'],
    ...overrides,
  };
}
