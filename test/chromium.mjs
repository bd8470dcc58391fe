// The Chromium that the browser tests, the check before them and the benchmark all launch: Debian's
// unless CHROME_PATH names another, with the flags this machine needs (root, no GPU, no network
// side traffic) and nothing that would download a browser.

export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
