import { buildPortalPage, type PortalOptions, type PortalPage } from '../page-10k';
import { measureAnchor } from './anchor';
import { markInsertions, measureInsertToHighlight } from './extension-probe';
import { measureLatency } from './latency';
import { measurePersist } from './persist';
import { measurePropose } from './picker';
import { measureResolver, STRATEGIES } from './resolver';
import { counters, startMutator, startWaiter, stopMutator, stopWaiter } from './waiting';

/** What the bench page exposes as `window.danbuocBench`; bundled by esbuild, driven by page.evaluate. */
let page: PortalPage | undefined;

const api = {
  build(options: PortalOptions) {
    page = buildPortalPage(document, options);
    return { elements: page.elements, nodes: page.nodes };
  },
  latency: (samples: number) => measureLatency(page!.submitSlot, samples),
  strategies: () => STRATEGIES.map((s) => s.name),
  resolver: measureResolver,
  startMutator: () => startMutator(document.querySelector('main')!),
  stopMutator,
  startWaiter,
  stopWaiter,
  counters,
  persist: measurePersist,
  anchor: measureAnchor,
  propose: measurePropose,
  insertToHighlight: (samples: number) => measureInsertToHighlight(document.querySelector('main')!, samples),
  insertions: (samples: number) => markInsertions(document.querySelector('main')!, samples),
};

export type BenchApi = typeof api;
(window as unknown as { danbuocBench: BenchApi }).danbuocBench = api;
