import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FileFormat, backupName, decode, encode, loadDataFile } from './data-file';

/** Version 1 kept `name`; 2 split it into first and last; 3 added `tags`. */
const PEOPLE: FileFormat<{ first: string; last: string; tags: string[] }> = {
  version: 3,
  migrations: [
    ({ name, ...rest }) => {
      const [first = '', last = ''] = String(name).split(' ');
      return { ...rest, first, last };
    },
    (document) => ({ ...document, tags: [] }),
  ],
  parse: ({ first, last, tags }) => {
    if (typeof first !== 'string' || typeof last !== 'string' || !Array.isArray(tags)) throw new Error('not a person');
    return { first, last, tags: tags.map(String) };
  },
};

const NOW = new Date('2026-12-03T13:24:03.123Z');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'msn-data-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('decode', () => {
  it('migrates a file without a version (version 1) through every step', () => {
    expect(decode('{"name":"Ann Lee"}', PEOPLE)).toEqual({ first: 'Ann', last: 'Lee', tags: [] });
  });

  it('migrates from the version the file names, and reads the current version as it is', () => {
    expect(decode('{"schemaVersion":2,"first":"Ann","last":"Lee"}', PEOPLE)).toEqual({ first: 'Ann', last: 'Lee', tags: [] });
    expect(decode(encode(PEOPLE, { first: 'Ann', last: 'Lee', tags: ['x'] }), PEOPLE)).toEqual({ first: 'Ann', last: 'Lee', tags: ['x'] });
  });

  it('reads a file from a newer version for what this version knows', () => {
    expect(decode('{"schemaVersion":9,"first":"Ann","last":"Lee","tags":[],"future":true}', PEOPLE)).toEqual({ first: 'Ann', last: 'Lee', tags: [] });
  });

  it.each([
    ['', /JSON/],
    ['{"first":', /JSON/],
    ['[1,2]', /not a JSON object/],
    ['null', /not a JSON object/],
    ['{"schemaVersion":"2","first":"a","last":"b","tags":[]}', /bad schemaVersion/],
    ['{"schemaVersion":0}', /bad schemaVersion 0/],
    ['{"schemaVersion":3,"first":1}', /not a person/],
  ])('calls %j damaged', (text, problem) => {
    expect(() => decode(text, PEOPLE)).toThrow(problem);
  });
});

describe('loadDataFile', () => {
  it('tells a missing file from a damaged one', () => {
    expect(loadDataFile(join(dir, 'people.json'), PEOPLE, NOW)).toEqual({ status: 'missing' });
  });

  it('sets a damaged file aside as <name>.<time>.bak, keeping every byte', () => {
    const file = join(dir, 'people.json');
    writeFileSync(file, '{"first": "Ann", "la');
    const loaded = loadDataFile(file, PEOPLE, NOW);
    const backup = join(dir, 'people.2026-12-03T13-24-03-123Z.bak');
    expect(loaded).toEqual({ status: 'damaged', problem: 'not valid JSON', backup });
    expect(backupName(file, NOW)).toBe(backup);
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(backup, 'utf8')).toBe('{"first": "Ann", "la');
  });

  it('sets aside what it cannot read at all (a folder where the file should be)', () => {
    const file = join(dir, 'people.json');
    mkdirSync(file);
    expect(loadDataFile(file, PEOPLE, NOW)).toEqual({ status: 'damaged', problem: expect.stringMatching(/EISDIR/), backup: backupName(file, NOW) });
    expect(readdirSync(dir)).toEqual(['people.2026-12-03T13-24-03-123Z.bak']);
  });

  it('says when a damaged file could not be moved aside, and leaves it where it was', () => {
    const file = join(dir, 'people.json');
    writeFileSync(file, 'garbage');
    mkdirSync(join(backupName(file, NOW), 'in-the-way'), { recursive: true });
    expect(loadDataFile(file, PEOPLE, NOW)).toEqual({ status: 'damaged', problem: expect.any(String), backup: undefined });
    expect(readFileSync(file, 'utf8')).toBe('garbage');
  });
});
