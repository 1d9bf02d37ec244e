// `npm run chat` / `npm run demo`: build the bot only when its sources changed since the last build, so a restart
// with nothing changed takes seconds instead of a full `tsc`. The fingerprint is a SHA-256 over the path and content of
// every file under bot/, cards/ and services/ plus the TypeScript settings and the lockfile; it is kept in
// dist/.sources.sha256 after a successful `npm run build` (which empties dist/ first). A changed, added or removed
// file, or a dist/ without the fingerprint, means a full build. `FORCE_BUILD=1` always builds.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const SOURCE_DIRS = ['bot', 'cards', 'services'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
const STAMP = path.join('dist', '.sources.sha256');

function filesUnder(root, dir) {
  const out = [];
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push(child);
    }
  };
  if (fs.existsSync(path.join(root, dir))) walk(dir);
  return out;
}

/** The fingerprint of everything the build reads, in a stable order. */
function sourceFingerprint(root) {
  const files = [...SOURCE_DIRS.flatMap((dir) => filesUnder(root, dir)), ...SOURCE_FILES.filter((f) => fs.existsSync(path.join(root, f)))]
    .map((f) => f.split(path.sep).join('/'))
    .sort();
  const hash = crypto.createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Whether dist/ was built from exactly these sources (and still has the bot's entry point). */
function isFresh(root) {
  try {
    if (!fs.existsSync(path.join(root, 'dist', 'bot', 'index.js'))) return false;
    return fs.readFileSync(path.join(root, STAMP), 'utf8').trim() === sourceFingerprint(root);
  } catch {
    return false;
  }
}

/** Build when needed; returns 'fresh' or 'built' (throws when the build fails). */
function buildIfChanged(root, { force = false, log = (line) => process.stdout.write(`${line}\n`) } = {}) {
  if (!force && isFresh(root)) {
    log('dist/ is bijgewerkt: de bot wordt niet opnieuw gebouwd (FORCE_BUILD=1 bouwt toch).');
    return 'fresh';
  }
  // Fingerprint before building: a file changed during the build makes the next start build again.
  const fingerprint = sourceFingerprint(root);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build is mislukt.');
  fs.writeFileSync(path.join(root, STAMP), `${fingerprint}\n`);
  return 'built';
}

module.exports = { sourceFingerprint, isFresh, buildIfChanged };

if (require.main === module) {
  try {
    buildIfChanged(path.join(__dirname, '..'), { force: process.env.FORCE_BUILD === '1' });
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
