import type { Plugin } from 'vite';

/**
 * Build-time hardening of two third-party modules, checked so that an upgrade that changes their
 * code fails the build instead of silently undoing it:
 * - driver.js writes popover text with innerHTML; we only ever pass it a placeholder and fill the
 *   popover with textContent, so its HTML sinks become textContent and no HTML sink ships at all.
 * - react-dom's only HTML sinks serve dangerouslySetInnerHTML and rendering <script>, which no page
 *   of ours uses: they become textContent too, so no extension page can render HTML from data.
 * - zod probes for `new Function` to JIT-compile parsers; extension CSP forbids eval anyway (the
 *   probe only logs a violation), so the probe answers "no" without trying.
 */
interface Rewrite {
  file: RegExp;
  apply(code: string): { code: string; count: number };
}

function innerHtmlToText(code: string) {
  let count = 0;
  const out = code.replace(/\.innerHTML\s*=(?!=)/g, () => {
    count++;
    return '.textContent=';
  });
  return { code: out, count };
}

const REWRITES: Rewrite[] = [
  { file: /driver\.js[\\/]dist[\\/]driver\.js\.mjs$/, apply: innerHtmlToText },
  { file: /react-dom[\\/]cjs[\\/]react-dom-client\.production\.js$/, apply: innerHtmlToText },
  {
    file: /zod[\\/]v4[\\/]core[\\/]util\.js$/,
    apply(code) {
      let count = 0;
      const out = code.replace(/const F = Function;\s*new F\(""\);\s*return true;/, () => {
        count++;
        return 'return false;';
      });
      return { code: out, count };
    },
  },
];

export function hardenBundles(): Plugin {
  return {
    name: 'dan-buoc:harden-bundles',
    enforce: 'pre',
    transform(code, id) {
      const rewrite = REWRITES.find((r) => r.file.test(id));
      if (!rewrite) return null;
      const result = rewrite.apply(code);
      if (result.count === 0) this.error(`harden-bundles: ${id} no longer has the code this rewrite expects; review the rewrite.`);
      return { code: result.code, map: null };
    },
  };
}
