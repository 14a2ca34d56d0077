#!/usr/bin/env node
// Makes `npm start` and `npm test` work on a fresh clone: installs the locked dependencies when
// they are missing, and (with --browser) Debian's Chromium for the end-to-end tests when this is
// a Debian machine we may install on. Prints what it does; never touches the network otherwise.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const run = (cmd) => {
  console.error(`[holdout] ${cmd}`);
  execSync(cmd, { stdio: 'inherit' });
};

if (!existsSync('node_modules/.package-lock.json') || !existsSync('node_modules/vite')) {
  run('npm ci --no-audit --no-fund --loglevel=warn');
}

// `npm run figure` sets text in DejaVu Sans (the figure style's first font) when it writes PNGs.
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
if ((process.argv.includes('--browser') || process.argv.includes('--fonts')) && !existsSync(DEJAVU)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core');
  } else {
    console.error(
      '[holdout] PNG figures need DejaVu Sans: `sudo apt-get install fonts-dejavu-core` (text falls back to system fonts).',
    );
  }
}

if (process.argv.includes('--browser') && !existsSync('/usr/bin/chromium')) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
  } else {
    console.error(
      '[holdout] The end-to-end tests need Chromium at /usr/bin/chromium: `sudo apt-get install chromium`.',
    );
  }
}
