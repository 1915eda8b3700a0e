import { defineConfig } from 'wxt';
import { manifestMatches } from './engine/sites';
import { checkTourFolder } from './scripts/lib/check-tours';
import { hardenBundles } from './scripts/lib/harden-bundles';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Dẫn Bước',
    description: 'Hướng dẫn từng bước làm thủ tục trên Cổng Dịch vụ công quốc gia — step-by-step help for Vietnam’s public-service portal',
    default_locale: undefined,
    // browsingData: the desk console's "sign the citizen out" (cookies and site data of the visited portal origins only).
    // tts (Chrome only): read-aloud with the machine's Vietnamese voice. Firefox has no tts API; its
    // content script uses the page's speechSynthesis, which needs no permission.
    // scripting: author mode only — the picker/recorder script, and the editor's "Kiểm tra bước này"
    // resolver, are injected into a portal tab when a tour author starts them, never into a citizen's pages (host permissions stay the portal origins).
    // alarms: the daily check for a newer signed tour pack.
    permissions: ['storage', 'browsingData', 'scripting', 'alarms', ...(browser === 'firefox' ? [] : ['tts'])],
    host_permissions: manifestMatches(),
    // A team lead's tour-pack address: its one origin is requested when added in options, never granted up front.
    optional_host_permissions: ['https://*/*'],
    action: { default_title: 'Dẫn Bước — hướng dẫn từng bước' },
    browser_specific_settings: {
      gecko: {
        id: 'dan-buoc@tocongnghesocongdong.vn',
        strict_min_version: '140.0',
        // Nothing leaves the device: tours, runs and session records stay in the browser.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  }),
  // terser (two passes) packs the content script about 3 % smaller than esbuild's minifier: it must
  // stay within 20 KB gzip with its stylesheet on every portal page.
  // Workers (the dashboard's records worker carries zod) are bundled apart and get the same hardening.
  vite: () => ({
    plugins: [hardenBundles()],
    worker: { plugins: () => [hardenBundles()] },
    build: { minify: 'terser', terserOptions: { compress: { passes: 2 } } },
  }),
  hooks: {
    // Tours are validated at build time so the content script never carries zod.
    'build:before': async () => {
      const problems = await checkTourFolder('tours');
      if (problems.length) {
        throw new Error(`Tour files have problems:\n${problems.map((p) => p.line).join('\n')}`);
      }
    },
  },
});
