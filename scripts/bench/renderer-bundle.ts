// (g) What every window loads: the production renderer as `electron-vite build` writes it (the same
// files the packaged app and the browser host serve), raw and gzip-compressed. Sizes are exact, so
// one build; it goes to a temporary directory and leaves out/ alone. The renderer-bundle figure is
// its JavaScript, gzipped.

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'electron-vite';
import { kilobytes, printTable } from './measure';
import { type BenchResult, judge } from './results';

const root = join(import.meta.dirname, '..', '..');

export async function benchRendererBundle(): Promise<BenchResult> {
  const outDir = await mkdtemp(join(tmpdir(), 'msn-bench-bundle-'));
  try {
    await build({ root, configFile: join(root, 'electron.vite.config.ts'), build: { outDir }, logLevel: 'silent' });
    const rendererDir = join(outDir, 'renderer');
    const files = (await readdir(rendererDir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    let rawTotal = 0;
    let gzipTotal = 0;
    let scriptGzip = 0;
    const rows: string[][] = [];
    for (const file of files) {
      const bytes = await readFile(file);
      // Level 9, as a web server's static gzip would; the figure is what crosses a wire or a disk read.
      const gzip = gzipSync(bytes, { level: 9 }).length;
      rawTotal += bytes.length;
      gzipTotal += gzip;
      if (file.endsWith('.js')) scriptGzip += gzip;
      rows.push([relative(rendererDir, file), kilobytes(bytes.length), kilobytes(gzip)]);
    }
    rows.push(['total', kilobytes(rawTotal), kilobytes(gzipTotal)]);
    printTable('(g) Renderer bundle: the production build every window loads', ['file', 'raw', 'gzip'], rows);
    return judge({ name: 'renderer-bundle', value: scriptGzip / 1000, unit: 'KB', detail: `${kilobytes(gzipTotal)} with the HTML and CSS` }, { atMost: 200 });
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
