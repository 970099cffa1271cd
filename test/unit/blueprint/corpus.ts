import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The real blueprints of ../shared/corpus (test data only; never copied into the repo). */
export const corpusDir = path.resolve(import.meta.dirname, '../../../../shared/corpus/blueprints');

export function corpusFiles(): string[] {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function readCorpus(file: string): unknown {
  return JSON.parse(readFileSync(path.join(corpusDir, file), 'utf8'));
}
