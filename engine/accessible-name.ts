/**
 * Role and accessible name, as the resolver needs them: the parts of WAI-ARIA's role mapping and the
 * accname 1.2 algorithm that portal pages use (aria-labelledby, aria-label, <label>, alt, title,
 * placeholder, value of buttons, legend/caption, name from content). It replaced dom-accessibility-api
 * in the content script to keep it within its 20 KB budget; tests/unit/accessible-name.test.ts
 * checks it against that library on a corpus of markup, and documents where it departs on purpose.
 */
export const IMPLICIT_BY_TAG: Record<string, string> = {
  article: 'article', aside: 'complementary', button: 'button', datalist: 'listbox', dd: 'definition', details: 'group',
  dialog: 'dialog', dt: 'term', fieldset: 'group', figure: 'figure', form: 'form', footer: 'contentinfo',
  h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading', header: 'banner', hr: 'separator',
  html: 'document', legend: 'legend', li: 'listitem', math: 'math', main: 'main', menu: 'list', nav: 'navigation', ol: 'list',
  optgroup: 'group', option: 'option', output: 'status', progress: 'progressbar', summary: 'button',
  table: 'table', tbody: 'rowgroup', textarea: 'textbox', tfoot: 'rowgroup', td: 'cell', th: 'columnheader', thead: 'rowgroup',
  tr: 'row', ul: 'list',
};

export const INPUT_ROLES: Record<string, string> = {
  button: 'button', image: 'button', reset: 'button', submit: 'button', checkbox: 'checkbox', radio: 'radio', range: 'slider',
  email: 'textbox', tel: 'textbox', text: 'textbox', url: 'textbox', search: 'searchbox', number: 'spinbutton',
};

/** ARIA global attributes: an element carrying one keeps its implicit role under role="none". */
const GLOBAL_ARIA = ['aria-describedby', 'aria-label', 'aria-labelledby', 'aria-live', 'aria-owns', 'aria-controls', 'aria-current', 'aria-details', 'aria-keyshortcuts', 'aria-roledescription'];

const tagOf = (el: Element) => el.localName;

/** IMPLICIT_BY_TAG as a Map: a tag name read from the page is looked up faster there. */
const IMPLICIT = new Map(Object.entries(IMPLICIT_BY_TAG));

function implicitRole(el: Element): string | null {
  const tag = tagOf(el);
  const implied = IMPLICIT.get(tag);
  if (implied) return implied;
  if (tag === 'a' || tag === 'area') return el.hasAttribute('href') ? 'link' : null;
  // A section is a landmark only when it is named (HTML-AAM); unnamed, it is a plain box.
  if (tag === 'section') return ['aria-label', 'aria-labelledby', 'title'].some((a) => el.hasAttribute(a)) ? 'region' : null;
  if (tag === 'img') return el.getAttribute('alt') === '' && !GLOBAL_ARIA.some((a) => el.hasAttribute(a)) ? 'presentation' : 'img';
  if (tag === 'select') return el.hasAttribute('multiple') || (el as HTMLSelectElement).size > 1 ? 'listbox' : 'combobox';
  if (tag === 'input') {
    const type = (el as HTMLInputElement).type;
    const role = INPUT_ROLES[type];
    if ((type === 'email' || type === 'tel' || type === 'text' || type === 'url' || type === 'search') && el.hasAttribute('list')) return 'combobox';
    return role ?? null;
  }
  return null;
}

/** The element's role: the first token of `role`, else the role its tag implies. */
export function roleOf(el: Element): string | null {
  const explicit = el.getAttribute('role')?.trim().split(' ')[0];
  if (explicit && explicit !== 'none' && explicit !== 'presentation') return explicit;
  const implicit = implicitRole(el);
  // role="none" on an element with a global ARIA attribute keeps its implicit role (presentational conflict).
  if (explicit && !GLOBAL_ARIA.some((a) => el.hasAttribute(a))) return explicit;
  return implicit;
}

/** Roles whose name comes from their content (WAI-ARIA "name from: contents"). */
const NAME_FROM_CONTENT = new Set([
  'button', 'cell', 'checkbox', 'columnheader', 'gridcell', 'heading', 'legend', 'link', 'menuitem', 'menuitemcheckbox',
  'menuitemradio', 'option', 'radio', 'row', 'rowheader', 'switch', 'tab', 'tooltip', 'treeitem',
]);

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(el);
  return style.display === 'none' || style.visibility === 'hidden';
}

interface Walk {
  visited: Set<Node>;
  /** inside an aria-labelledby reference: hidden referenced nodes count, labelledby is not followed again */
  referenced: boolean;
  /** collecting a name from content (child nodes of the element being named) */
  inContent: boolean;
}

function idRefs(el: Element, attribute: string): Element[] {
  const root = el.getRootNode() as Document | ShadowRoot;
  return (el.getAttribute(attribute) ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id): Element | null => root.getElementById?.(id) ?? null)
    .filter((ref): ref is Element => ref !== null);
}

function controlValue(el: Element, role: string | null): string | null {
  if (role === 'textbox' || role === 'searchbox') return (el as HTMLInputElement).value ?? el.textContent ?? '';
  if (role === 'combobox' || role === 'listbox') {
    if (el instanceof HTMLSelectElement) return [...el.selectedOptions].map((o) => o.textContent ?? '').join(' ');
    return (el as HTMLInputElement).value ?? '';
  }
  if (role === 'slider' || role === 'spinbutton') return el.getAttribute('aria-valuetext') ?? el.getAttribute('aria-valuenow') ?? (el as HTMLInputElement).value ?? '';
  return null;
}

function fromLabels(el: Element, walk: Walk): string {
  const labels = (el as HTMLInputElement).labels;
  if (!labels?.length) return '';
  return collapse([...labels].map((label) => childrenText(label, walk, el)).join(' '));
}

function nativeName(el: Element, walk: Walk): string {
  const tag = tagOf(el);
  if (tag === 'input') {
    const input = el as HTMLInputElement;
    const type = input.type;
    if (type === 'button' || type === 'submit' || type === 'reset') {
      const labelled = fromLabels(el, walk);
      if (labelled) return labelled;
      return input.value || (type === 'submit' ? 'Submit' : type === 'reset' ? 'Reset' : '');
    }
    if (type === 'image') return el.getAttribute('alt') || input.value || '';
  }
  if (tag === 'input' || tag === 'select' || tag === 'textarea') {
    return fromLabels(el, walk) || el.getAttribute('placeholder') || el.getAttribute('aria-placeholder') || '';
  }
  if (tag === 'img' || tag === 'area') return el.getAttribute('alt') ?? '';
  if (tag === 'fieldset' || tag === 'table' || tag === 'figure') {
    const caption = [...el.children].find((child) => tagOf(child) === (tag === 'fieldset' ? 'legend' : tag === 'table' ? 'caption' : 'figcaption'));
    if (caption) return computeText(caption, { ...walk, inContent: true });
  }
  if (el instanceof SVGElement) {
    const title = [...el.children].find((child) => tagOf(child) === 'title');
    if (title) return collapse(title.textContent ?? '');
  }
  return '';
}

/** Phrasing elements: their text joins the words around them without a space ("<b>Nộp</b>hồ sơ"). */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'label', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var']);

function childrenText(el: Element, walk: Walk, skip?: Element): string {
  let out = '';
  const children = el.shadowRoot ? [...el.shadowRoot.childNodes, ...el.childNodes] : [...el.childNodes];
  for (const child of children) {
    if (child === skip) continue;
    if (child.nodeType === 3) out += child.textContent ?? '';
    else if (child instanceof Element) {
      const text = computeText(child, { ...walk, inContent: true });
      out += INLINE.has(tagOf(child)) ? text : ` ${text} `;
    }
  }
  return out;
}

function computeText(el: Element, walk: Walk): string {
  if (walk.visited.has(el)) return '';
  walk.visited.add(el);
  if (!walk.referenced && walk.inContent && isHidden(el)) return '';
  if (!walk.referenced) {
    const refs = idRefs(el, 'aria-labelledby');
    if (refs.length) return collapse(refs.map((ref) => computeText(ref, { visited: walk.visited, referenced: true, inContent: false })).join(' '));
  }
  const role = roleOf(el);
  // An embedded control inside a label or a name from content gives its value, not its label.
  if (walk.inContent) {
    const value = controlValue(el, role);
    if (value !== null) return value;
  }
  const label = collapse(el.getAttribute('aria-label') ?? '');
  if (label) return label;
  if (role !== 'presentation' && role !== 'none') {
    const native = collapse(nativeName(el, walk));
    if (native) return native;
  }
  if (walk.inContent || walk.referenced || (role !== null && NAME_FROM_CONTENT.has(role))) {
    const content = collapse(childrenText(el, walk));
    if (content) return content;
  }
  return collapse(el.getAttribute('title') ?? '');
}

/** Tags whose name comes from somewhere other than their content (nativeName). */
const NATIVELY_NAMED = new Set(['input', 'select', 'textarea', 'img', 'area', 'fieldset', 'table', 'figure']);

/** Whether a leaf without aria-label(ledby) and with this role is named by its own text (else its title), as most buttons and links are. */
export const namedByText = (el: Element, role: string | null): boolean =>
  !el.shadowRoot && !NATIVELY_NAMED.has(tagOf(el)) && !(el instanceof SVGElement) && role !== null && NAME_FROM_CONTENT.has(role);

/** The accessible name of `el`, whitespace collapsed. */
export function accessibleName(el: Element): string {
  // The same answer as the walk, without it.
  if (!el.firstElementChild && !el.hasAttribute('aria-labelledby') && !el.hasAttribute('aria-label') && namedByText(el, roleOf(el))) return collapse(el.textContent ?? '') || collapse(el.getAttribute('title') ?? '');
  return computeText(el, { visited: new Set(), referenced: false, inContent: false });
}
