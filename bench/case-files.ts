import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Case } from '../services/domain/model/case';

/** The case files in FileCaseStore's format (`{ etag, document }`), written directly: a bench measures what follows, not thousands of fsyncs. */
export function writeCaseFiles(dir: string, cases: readonly Case[]): void {
  const casesDir = path.join(dir, 'cases');
  mkdirSync(casesDir, { recursive: true });
  for (const c of cases) writeFileSync(path.join(casesDir, `${c.id}.json`), JSON.stringify({ etag: randomUUID(), document: c }));
}
