/** The origin of an HTTPS address without user name or password in it; null for anything else. Zod-free. */
export function httpsOrigin(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' ? parsed.origin : null;
  } catch {
    return null;
  }
}
