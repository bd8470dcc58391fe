// Browser tests need a real Chromium; fail early with a message that says how to get one.
import { existsSync } from 'node:fs';
import { chromiumPath as path } from './chromium.mjs';
if (!existsSync(path)) {
  console.error(
    `\nChromium not found at ${path}.\n` +
      'Install it with:   sudo apt-get install -y chromium\n' +
      'or point CHROME_PATH at a Chromium/Chrome binary:   CHROME_PATH=/path/to/chrome npm test\n',
  );
  process.exit(1);
}
