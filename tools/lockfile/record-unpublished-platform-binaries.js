// The npm registry these machines reach mirrors only some platforms' native binaries (no darwin or
// win32 builds of @swc/core, for example). npm then leaves those optional packages out of
// package-lock.json, and `npm ci` refuses the lockfile ("Missing: … from lock file").
// This records each missing platform binary the way npm would on a full registry: optional, with
// its os/cpu/libc, so npm skips it on other platforms and fetches it where it belongs.
// Run after any change to package-lock.json:  node tools/lockfile/record-unpublished-platform-binaries.js
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const lockPath = join(__dirname, '../../package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const cpus = ['arm64', 'x64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64'];
const oses = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony'];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  if (parts.includes('wasm32')) return { cpu: ['wasm32'] };
  const osIndex = parts.findIndex((part) => oses.includes(part));
  if (osIndex < 0 || !cpus.includes(parts[osIndex + 1])) return undefined;
  const abi = parts[osIndex + 2] ?? '';
  const platform = { os: [parts[osIndex]], cpu: [parts[osIndex + 1]] };
  if (parts[osIndex] === 'linux' && abi.startsWith('musl')) platform.libc = ['musl'];
  else if (parts[osIndex] === 'linux' && abi.startsWith('gnu')) platform.libc = ['glibc'];
  return platform;
}

let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key] || lock.packages[`${path}/node_modules/${name}`]) continue;
    const platform = platformOf(name);
    if (!platform || !/^\d+\.\d+\.\d+$/.test(version)) continue;
    lock.packages[key] = { version, ...platform, ...(entry.dev ? { dev: true } : {}), license: entry.license, optional: true };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`recorded ${added} platform binaries missing from the registry`);
