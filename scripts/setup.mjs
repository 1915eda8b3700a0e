#!/usr/bin/env node
// Runs before `npm test` and `npm run demo` on any machine: installs the npm dependencies when they are
// missing or older than package-lock.json, then makes sure a Chromium that can load extensions exists.
// Plain Node, no dependencies, so it works on a fresh clone.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const run = (cmd) => spawnSync(cmd, { shell: true, stdio: 'inherit' }).status === 0;

function dependenciesStale() {
  const marker = 'node_modules/.package-lock.json';
  if (!existsSync(marker)) return true;
  return existsSync('package-lock.json') && statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;
}

if (dependenciesStale()) {
  console.log('Dẫn Bước: installing npm dependencies (npm ci)…');
  if (!run('npm ci --no-audit --no-fund')) {
    console.error('npm ci failed. Check your network access to the npm registry and try again.');
    process.exit(1);
  }
}

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

function playwrightChromium() {
  try {
    const path = execSync(
      `node --input-type=module -e "import { chromium } from '@playwright/test'; console.log(chromium.executablePath())"`,
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    ).trim();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function findChromium() {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  return SYSTEM.find((p) => existsSync(p)) ?? playwrightChromium();
}

let chromium = findChromium();
if (!chromium && !process.env.CHROMIUM_PATH) {
  console.log('Dẫn Bước: no Chromium found; trying "npx playwright install chromium"…');
  if (run('npx playwright install chromium')) chromium = findChromium();
}
if (!chromium) {
  console.error(`
Không tìm thấy Chromium để chạy thử tiện ích. / No Chromium that can load the extension was found.
  • Debian/Ubuntu:  sudo apt-get install -y chromium
  • Other systems:  npx playwright install chromium
  • Or point to one: CHROMIUM_PATH=/path/to/chromium npm test
(Google Chrome 137+ ignores --load-extension, so it cannot be used for these tests.)`);
  process.exit(1);
}
console.log(`Dẫn Bước: using Chromium at ${chromium}`);
