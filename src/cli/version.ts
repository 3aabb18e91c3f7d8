import { readFileSync } from 'node:fs';

/** The package version, from package.json two (tsx) or three (dist) levels up. */
export function readVersion(): string {
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'whydenied' && pkg.version) return pkg.version;
    } catch { /* try the next level */ }
  }
  return 'unknown';
}
