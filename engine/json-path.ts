/** `$.tours[0].steps[2].say.vi`: where a problem is, as authors read it in tours:check (zod-free, for the widget too). */
export function jsonPathOf(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}
