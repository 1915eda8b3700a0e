/**
 * The author tools' own elements on the page: the banner, the outline around the element under the
 * pointer, and the proposals panel. They live in one closed shadow root, so the page's styles do not
 * reach them and the resolver (which searches open shadow roots only) never counts them.
 */
const CSS = `
:host{all:initial}
*{box-sizing:border-box;font:16px/1.45 system-ui,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif;color:#1a1a1a}
.outline{position:fixed;z-index:2147483600;pointer-events:none;border:3px solid #0b4f9c;outline:2px solid #fff;border-radius:3px;display:none}
.banner{position:fixed;z-index:2147483601;top:8px;left:50%;transform:translateX(-50%);max-width:min(46em,calc(100vw - 16px));
  display:flex;flex-wrap:wrap;gap:.4em .8em;align-items:center;padding:.5em .8em;background:#fff;border:3px dashed #8a1c00;border-radius:8px;
  box-shadow:0 4px 18px rgba(0,0,0,.3)}
.banner strong{font-weight:700;color:#8a1c00}
.panel{position:fixed;z-index:2147483602;right:8px;bottom:8px;width:min(34em,calc(100vw - 16px));max-height:calc(100vh - 16px);overflow:auto;
  padding:.8em;background:#fff;border:2px solid #0b4f9c;border-radius:10px;box-shadow:0 6px 28px rgba(0,0,0,.35)}
.panel h2{margin:0 0 .3em;font-size:1.1em;font-weight:700;color:#0b3d75}
.panel p{margin:0 0 .5em}
.panel ul{list-style:none;margin:0 0 .6em;padding:0}
.panel li{margin:.3em 0}
.panel label{display:flex;gap:.5em;align-items:flex-start;cursor:pointer}
.panel input{width:1.2em;height:1.2em;margin-top:.15em;flex:none}
.count{display:block;font-size:.9em;color:#333}
.many{font-weight:700;color:#7a1010}
button{min-height:2.4em;padding:.3em .8em;margin:.2em .4em .2em 0;border:2px solid #0b4f9c;border-radius:8px;background:#fff;color:#0b4f9c;font-weight:600;cursor:pointer}
button.main{background:#0b4f9c;color:#fff}
button:focus-visible,input:focus-visible{outline:3px solid #f5b800;outline-offset:2px}
[role=status]{font-weight:600}
`;

export interface AuthorUi {
  host: Element;
  root: ShadowRoot;
  outline(el: Element | null): void;
  banner(text: { title: string; hint: string; stop: string }, onStop: () => void): void;
  /** An element of ours, an event from inside the tools */
  owns(event: Event): boolean;
  remove(): void;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export function createAuthorUi(): AuthorUi {
  const host = document.createElement('danbuoc-author-tools');
  const root = host.attachShadow({ mode: 'open' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    root.append(el('style', { textContent: CSS }));
  }
  const box = el('div', { className: 'outline' });
  root.append(box);
  document.documentElement.append(host);
  let bannerNode: HTMLElement | undefined;
  return {
    host,
    root,
    outline(target) {
      if (!target) {
        box.style.display = 'none';
        return;
      }
      const rect = target.getBoundingClientRect();
      Object.assign(box.style, { display: 'block', left: `${rect.left - 3}px`, top: `${rect.top - 3}px`, width: `${rect.width + 6}px`, height: `${rect.height + 6}px` });
    },
    banner(text, onStop) {
      bannerNode?.remove();
      const stop = el('button', { type: 'button', textContent: text.stop });
      stop.addEventListener('click', onStop);
      bannerNode = el('div', { className: 'banner' }, el('strong', { textContent: text.title }), el('span', { textContent: text.hint }), stop);
      bannerNode.setAttribute('role', 'region');
      bannerNode.setAttribute('aria-label', text.title);
      root.append(bannerNode);
    },
    owns: (event) => event.composedPath().includes(host),
    remove: () => host.remove(),
  };
}
