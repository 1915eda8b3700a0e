/**
 * Which class names and ids an author may build a CSS target from. Build tools generate names that
 * change with every release of the portal (CSS-in-JS hashes, CSS-module suffixes, framework ids),
 * and utility classes (Tailwind and the like) describe looks, not the thing: neither may ever end up
 * in a tour, since the tour would break at the portal's next deploy.
 */

const HASHED_CLASS = [
  /^css-[a-z0-9]+(?:-[A-Za-z0-9]+)*$/, // emotion: css-1x2y3z, css-a1b2c3-Button
  /^sc-[A-Za-z0-9]+$/, // styled-components: sc-AbCd
  /^jsx-\d+$/, // styled-jsx
  /^svelte-[a-z0-9]+$/,
  /^_[A-Za-z0-9_-]{3,}$/, // CSS modules in production: _3kd9F
  /__[A-Za-z0-9_-]{4,}$/, // CSS modules in development: Button_root__3kd9F
  /^ng-(?:tns|star|c\d)/, // Angular's runtime classes
  /^(?:ember|mui|Mui[A-Z]\w*-root-)\d/,
  /^[a-zA-Z]{1,3}-?[a-zA-Z0-9]*\d[a-zA-Z0-9]*$/, // short prefix + digits: x1a2b3, e1x9k0, jss123
];

const UTILITY_WORDS = new Set([
  'flex', 'grid', 'block', 'inline', 'hidden', 'contents', 'table', 'relative', 'absolute', 'fixed', 'sticky', 'static',
  'container', 'truncate', 'underline', 'uppercase', 'lowercase', 'capitalize', 'italic', 'grow', 'shrink', 'border',
  'rounded', 'shadow', 'outline', 'ring', 'transition', 'visible', 'invisible', 'isolate', 'antialiased', 'inline-block',
  'inline-flex', 'sr-only', 'not-sr-only', 'clearfix',
]);

/** A utility class is a known prefix and a value from a scale: a number, a size, a colour shade. */
const UTILITY_PREFIX =
  /^-?(?:p[xytrbl]?|m[xytrbl]?|w|h|min-[wh]|max-[wh]|size|text|bg|from|via|to|border(?:-[xytrbl])?|rounded(?:-[a-z]+)?|flex|grid|gap(?:-[xy])?|space-[xy]|items|justify|content|self|place|font|leading|tracking|shadow|opacity|z|top|left|right|bottom|inset(?:-[xy])?|col(?:-span)?|row(?:-span)?|order|overflow(?:-[xy])?|cursor|transition|duration|delay|ease|ring|outline|divide(?:-[xy])?|fill|stroke|translate-[xy]|rotate|scale|basis|decoration|whitespace|object|aspect|columns|align|select|pointer-events|line-clamp|indent)-/;
const UTILITY_VALUE =
  /^(?:\d[\w.]*|x?s|sm|md|lg|x{1,3}l|\dxl|full|screen|auto|none|px|center|start|end|between|around|evenly|stretch|baseline|wrap|nowrap|col|row|bold|semibold|medium|normal|light|left|right|white|black|transparent|current|inherit|hidden|visible|scroll|pointer|[a-z]+-\d{1,3}|[a-z]+-(?:x?s|sm|md|lg|x{1,3}l))$/;

function isUtility(name: string): boolean {
  if (UTILITY_WORDS.has(name)) return true;
  const prefix = UTILITY_PREFIX.exec(name);
  return prefix !== null && UTILITY_VALUE.test(name.slice(prefix[0].length));
}

/** A class a build tool generated (hash-like), or one that only describes looks (a utility class). */
export function isGeneratedClass(name: string): boolean {
  if (!name || /[^A-Za-z0-9_-]/.test(name)) return true; // "md:flex", "w-[13px]", "w-1/2", escapes
  if (HASHED_CLASS.some((pattern) => pattern.test(name))) return true;
  if (isUtility(name)) return true;
  return looksRandom(name);
}

/** A run of letters and digits mixed without word breaks, as hashes are: "a8Xk2", "3kd9F", "q1w2e3". */
function looksRandom(token: string): boolean {
  // A word followed by a small number ("buoc2", "input1") is how people number things.
  return token.split(/[-_]/).some((part) => part.length >= 4 && /\d/.test(part) && /[A-Za-z]/.test(part) && !/^[A-Za-z]+\d{1,2}$/.test(part));
}

/** The classes of an element that may name it in a selector; none when it wears a utility chain. */
export function stableClasses(el: Element): string[] {
  const all = [...el.classList];
  const generated = all.filter(isGeneratedClass);
  // Three or more utility/generated classes: the element is styled inline-by-class, its other
  // class names are no more meaningful than these.
  if (generated.length >= 3) return [];
  return all.filter((name) => !isGeneratedClass(name));
}

const FRAMEWORK_ID = /^(?::r[0-9a-z]*:|react-select-\d|mui-\d|headlessui-|radix-|ember\d|ext-gen|yui_|gwt-uid|uid-|id-\d|__)/i;

/** An id or `name` a person wrote ("ma-ho-so", "txtMaHoSo"), not one a framework numbered or hashed. */
export function isStableIdentifier(value: string): boolean {
  if (!value || value.length > 80 || /[^A-Za-z0-9_.-]/.test(value)) return false;
  if (FRAMEWORK_ID.test(value) || value.includes(':')) return false;
  if (/\d{4,}/.test(value)) return false; // timestamps, counters
  if (/[0-9a-f]{8}-[0-9a-f]{4}/i.test(value)) return false; // uuid
  if (HASHED_CLASS.slice(0, 8).some((pattern) => pattern.test(value)) || isUtility(value)) return false;
  return !looksRandom(value);
}
