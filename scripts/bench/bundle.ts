// (i) renderer-bundle: the JavaScript a window loads (out/renderer, built for production as
// `npm run build` builds it), raw and gzipped.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureRendererBundle } from '../../main/web/bundle';
import { kilobytes, printTable } from './measure';
import { type BenchResult, judge } from './results';

const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

export async function benchBundle(): Promise<BenchResult> {
  const rendererDir = ensureRendererBundle(PROJECT_ROOT, { log: (line) => console.log(line) });
  const assets = join(rendererDir, 'assets');
  const scripts = (await readdir(assets)).filter((name) => name.endsWith('.js'));
  if (scripts.length === 0) throw new Error(`No JavaScript in ${assets}`);
  const sizes = await Promise.all(
    scripts.map(async (name) => {
      const bytes = await readFile(join(assets, name));
      return { name, raw: bytes.byteLength, gzip: gzipSync(bytes).byteLength };
    }),
  );
  const raw = sizes.reduce((sum, size) => sum + size.raw, 0);
  const gzip = sizes.reduce((sum, size) => sum + size.gzip, 0);
  printTable('(i) The renderer bundle (out/renderer/assets)', ['file', 'raw', 'gzip'], [
    ...sizes.map((size) => [size.name, kilobytes(size.raw), kilobytes(size.gzip)]),
    ['all JavaScript', kilobytes(raw), kilobytes(gzip)],
  ]);
  return judge({ name: 'renderer-bundle', value: gzip / 1000, unit: 'KB', detail: `${kilobytes(raw)} before gzip` }, { atMost: 200 });
}
