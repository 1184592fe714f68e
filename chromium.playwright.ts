/**
 * How every browser test here starts Chromium: Debian's, never a downloaded browser, with the flags
 * this closed network needs (no background connections, which it would refuse many at a time).
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
