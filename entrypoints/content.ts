import 'driver.js/dist/driver.css';
import '../engine/overlay.css';
import { manifestMatches } from '../engine/sites';
import { startContent } from '../extension/content';

export default defineContentScript({
  matches: manifestMatches(),
  runAt: 'document_idle',
  main(ctx) {
    startContent(ctx.signal);
  },
});
