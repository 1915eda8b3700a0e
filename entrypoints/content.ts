import '../engine/overlay.css';
import { isAllowedOrigin, manifestMatches } from '../engine/sites';
import { startContent } from '../extension/content';

export default defineContentScript({
  matches: manifestMatches(),
  runAt: 'document_idle',
  // Steps may live in iframes (the Ministry of Justice e-form); each frame draws its own steps.
  allFrames: true,
  // WXT would otherwise post "<extension id>:content:wxt:content-script-started" to the page:
  // every page would learn the extension id.
  noScriptStartedPostMessage: true,
  main() {
    // Match patterns ignore the port (https://dichvucong.gov.vn:8443/ matches): the exact origin
    // is checked before anything else runs.
    if (!isAllowedOrigin(location.origin)) return;
    // Our own lifetime, not WXT's ctx.signal: that one aborts on a document event any page that
    // knows the (public) extension id can replay, which would stop the tour mid-way.
    startContent(new AbortController().signal);
  },
});
