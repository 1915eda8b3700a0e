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

/**
 * No bundle of ours imports driver.js any more (engine/spotlight.ts draws the dimmed page and the
 * cut-out); should an import come back, only its overlay ships: our own popover replaces its popover. Its popover render and reposition calls become no-ops, so the bundler drops
 * the popover code it no longer reaches (content-script size budget).
 */
const DRIVER_POPOVER = /function U\(e,t,n\)\{w\(e\.getState\(`popover`\)\),x\(t,H\(e,t,n\)\)\}function W\(e,t,n\)\{let r=e\.getState\(`popover`\);r&&s\(r,t,V\(e,t,n\)\)\}/;

// Its Tab trap and arrow keys are replaced by the overlay's own keyboard handling.
const DRIVER_KEYS = /let t=t=>Q\(e,t\),n=t=>Z\(e,t\),(.*?)window\.addEventListener\(`keyup`,t,!1\),window\.addEventListener\(`keydown`,n,!1\),/;

// Only highlight(), refresh(), getState() and destroy() are called: the tour-driving API and its
// arrow-key moves go.
const DRIVER_TOUR_API = /drive:\(e=0\)=>\{u\(\),m\(e\)\},.*?highlight:/;
const DRIVER_ARROWS = /,t\.listen\(`arrowLeftPress`,c\),t\.listen\(`arrowRightPress`,l\)/;

// Its animation length goes on <body> as an inherited custom property: setting it restyles every
// element of the page in the frame of the first highlight, and nothing of ours animates.
const DRIVER_DURATION_SET = /document\.body\.style\.setProperty\(`--driver-animation-duration`,`\$\{t\.getConfig\(`duration`\)\|\|400\}ms`\),/;
const DRIVER_DURATION_REMOVE = /document\.body\.style\.removeProperty\(`--driver-animation-duration`\),/;

function driverOverlayOnly(code: string) {
  const sinks = innerHtmlToText(code);
  const parts = [DRIVER_POPOVER, DRIVER_KEYS, DRIVER_TOUR_API, DRIVER_ARROWS, DRIVER_DURATION_SET, DRIVER_DURATION_REMOVE];
  if (!sinks.count || !parts.every((part) => part.test(sinks.code))) return { code, count: 0 };
  const out = sinks.code
    .replace(DRIVER_POPOVER, 'function U(e){w(e.getState(`popover`))}function W(){}')
    .replace(DRIVER_KEYS, 'let t=()=>{},n=t,$1')
    .replace(DRIVER_TOUR_API, 'getState:t.getState,highlight:')
    .replace(DRIVER_ARROWS, '')
    .replace(DRIVER_DURATION_SET, '')
    .replace(DRIVER_DURATION_REMOVE, '');
  return { code: out, count: sinks.count + parts.length };
}

/** dom-accessibility-api ships Set and Array.from polyfills that every browser we support has natively. */
function nativeInstead(pattern: RegExp, replacement: string) {
  return (code: string) => (pattern.test(code) ? { code: replacement, count: 1 } : { code, count: 0 });
}

const REWRITES: Rewrite[] = [
  { file: /driver\.js[\\/]dist[\\/]driver\.js\.mjs$/, apply: driverOverlayOnly },
  {
    file: /dom-accessibility-api[\\/]dist[\\/]polyfills[\\/]SetLike\.mjs$/,
    apply: nativeInstead(/export default typeof Set === "undefined" \? Set : SetLike;/, 'export default Set;'),
  },
  {
    file: /dom-accessibility-api[\\/]dist[\\/]polyfills[\\/]array\.from\.mjs$/,
    apply: nativeInstead(/export default function arrayFrom\(arrayLike, mapFn\)/, 'export default Array.from;'),
  },
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
  {
    // PouchDB evaluates map/filter functions given as strings; we only use server-side filters and
    // views, and extension CSP forbids eval anyway: the evaluator refuses instead of calling Function.
    file: /pouchdb-browser[\\/]lib[\\/]index\.es\.js$/,
    apply(code) {
      let count = 0;
      const out = code.replace(/return Function\.apply\(null, keys\)\.apply\(null, values\);/, () => {
        count++;
        return "throw new Error('Dẫn Bước: PouchDB string functions are not evaluated in the extension');";
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
