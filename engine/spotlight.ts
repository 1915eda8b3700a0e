/**
 * The dimmed page with a cut-out around the target — the part of driver.js the overlay uses
 * (`highlight`, `refresh`, `destroy`; no popover, no keys, no tour API), drawn the way driver.js
 * draws it and with its class names, so engine/overlay.css and engine/placement.ts apply unchanged.
 * The overlay of both the extension and the widget draws with this instead of driver.js: ≈ 1 KB
 * instead of ≈ 4 KB gzip. Styles are written through the CSSOM only (allowed by `style-src 'self'`).
 */
export interface SpotlightConfig {
  overlayColor?: string;
  overlayOpacity?: number;
  stagePadding?: number;
  stageRadius?: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
// A press on the dimmed part does nothing on the page below (as driver.js does).
const BLOCKED = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'];

/** The whole screen with a rounded hole around the box (even-odd fill). */
function cutOut(box: DOMRect, pad: number, radius: number): string {
  const [w, h] = [innerWidth, innerHeight];
  const [width, height] = [box.width + pad * 2, box.height + pad * 2];
  const r = Math.floor(Math.max(Math.min(radius, width / 2, height / 2), 0));
  const [across, down] = [width - r * 2, height - r * 2];
  const arc = (dx: number, dy: number) => `a${r},${r} 0 0 1 ${dx},${dy}`;
  return `M${w},0L0,0L0,${h}L${w},${h}L${w},0Z M${box.x - pad + r},${box.y - pad}h${across}${arc(r, r)}v${down}${arc(-r, r)}h${-across}${arc(-r, -r)}v${-down}${arc(r, -r)}z`;
}

export function driver(config: SpotlightConfig = {}) {
  const pad = config.stagePadding ?? 0;
  let svg: SVGSVGElement | undefined;
  let path: SVGPathElement | undefined;
  let active: Element | undefined;
  let listening: AbortController | undefined;
  let frame = 0;

  function refresh() {
    if (!active || !svg || !path) return;
    svg.setAttribute('viewBox', `0 0 ${innerWidth} ${innerHeight}`);
    path.setAttribute('d', cutOut(active.getBoundingClientRect(), pad, config.stageRadius ?? 0));
  }

  function draw() {
    if (svg) return;
    svg = document.createElementNS(SVG_NS, 'svg');
    svg.classList.add('driver-overlay');
    svg.setAttribute('preserveAspectRatio', 'xMinYMin slice');
    // Only the dimmed path takes presses; the svg's own box would cover the cut-out too.
    Object.assign(svg.style, { fillRule: 'evenodd', clipRule: 'evenodd', zIndex: '10000', position: 'fixed', top: '0', left: '0', width: '100%', height: '100%', pointerEvents: 'none' });
    path = document.createElementNS(SVG_NS, 'path');
    Object.assign(path.style, { fill: config.overlayColor ?? '#000', opacity: String(config.overlayOpacity ?? 0.7), pointerEvents: 'auto', cursor: 'auto' });
    svg.append(path);
    document.body.append(svg);
    listening = new AbortController();
    const { signal } = listening;
    const svgEl = svg;
    const block = (event: Event) => {
      if (!svgEl.contains(event.target as Node)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    for (const type of BLOCKED) document.addEventListener(type, block, { capture: true, signal });
    // Scroll events come once per frame, before it is drawn: redraw the cut-out at once, so the dimmed
    // part never lies over the target for a frame (a press there would be blocked).
    const follow = (event: Event) => (event.type === 'scroll' ? refresh() : (frame ||= requestAnimationFrame(() => ((frame = 0), refresh()))));
    for (const type of ['resize', 'scroll']) window.addEventListener(type, follow, { signal });
  }

  return {
    highlight({ element }: { element?: Element | string }) {
      const el = typeof element === 'string' ? document.querySelector(element) : element;
      if (!el) return;
      active?.classList.remove('driver-active-element');
      active = el;
      el.classList.add('driver-active-element');
      document.body.classList.add('driver-active', 'driver-simple');
      const box = el.getBoundingClientRect();
      if (box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth) {
        el.scrollIntoView({ behavior: 'auto', inline: 'center', block: box.height > innerHeight ? 'start' : 'center' });
      }
      draw();
      refresh();
    },
    refresh,
    destroy() {
      listening?.abort();
      cancelAnimationFrame(frame);
      frame = 0;
      svg?.remove();
      svg = path = undefined;
      active?.classList.remove('driver-active-element');
      active = undefined;
      document.body.classList.remove('driver-active', 'driver-simple');
    },
  };
}
