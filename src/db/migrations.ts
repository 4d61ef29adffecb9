import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../paths';
import { Database } from './database';
import { splitCypherStatements } from './cypher-script';
import { cypherQuery, type NoParams } from './cypher-registry';

/**
 * Versioned schema migrations: cypher/migrations/V0001__name.cypher …, applied in order, each exactly
 * once, recorded as (:Migration {version, name, checksum, appliedAt}). Statements should be
 * idempotent (IF NOT EXISTS): should the process stop between a migration and its record, the
 * migration is simply applied again.
 * A changed checksum of an applied file stops the start: history is never rewritten silently.
 */
export interface MigrationFile {
  version: number;
  name: string;
  file: string;
  checksum: string;
  statements: string[];
}

export class MigrationError extends Error {}

const FILE_PATTERN = /^V(\d{4})__([a-z0-9_]+)\.cypher$/;

export function readMigrations(dir = fromRoot('cypher', 'migrations')): MigrationFile[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort();
  const out: MigrationFile[] = [];
  for (const file of files) {
    const m = FILE_PATTERN.exec(file);
    if (!m) throw new MigrationError(`migration file ${file} must be named V0001__lower_snake_name.cypher`);
    const text = readFileSync(path.join(dir, file), 'utf8');
    const version = Number(m[1]);
    if (out.some((x) => x.version === version)) throw new MigrationError(`two migration files have version ${m[1]}`);
    out.push({
      version,
      name: m[2],
      file,
      checksum: createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex'),
      statements: splitCypherStatements(text),
    });
  }
  return out;
}

interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
}
const listApplied = cypherQuery<NoParams, AppliedMigration>('migration/list-applied');
const recordApplied = cypherQuery<AppliedMigration, { version: number }>('migration/record-applied');

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

export async function applyMigrations(db: Database, migrations = readMigrations()): Promise<MigrationReport> {
  const rows = await db.read(listApplied);
  const applied = new Map(rows.map((r) => [r.version, r]));
  for (const m of migrations) {
    const done = applied.get(m.version);
    if (done && done.checksum !== m.checksum) {
      throw new MigrationError(
        `migration ${m.file} was changed after it was applied (checksum differs): restore the file and add a new migration (V${String(
          migrations[migrations.length - 1].version + 1,
        ).padStart(4, '0')}__…) for the change`,
      );
    }
  }
  for (const [version, row] of applied) {
    if (!migrations.some((m) => m.version === version)) {
      throw new MigrationError(`the database has migration V${String(version).padStart(4, '0')}__${row.name}, which this code does not know: run a newer Archipel`);
    }
  }
  const report: MigrationReport = { applied: [], alreadyApplied: applied.size };
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    // A migration's schema commands run in one transaction (all or nothing); schema commands cannot
    // share a transaction with data writes, so the record follows in its own.
    await db.writeTx(async (tx) => {
      for (const statement of m.statements) await tx.run(statement);
    });
    await db.write(recordApplied, { version: m.version, name: m.name, checksum: m.checksum });
    report.applied.push(m.file);
  }
  return report;
}

/** True when every migration this code knows is recorded in the graph (readiness). */
export async function migrationsUpToDate(db: Database, migrations = readMigrations()): Promise<boolean> {
  const rows = await db.read(listApplied);
  const applied = new Map(rows.map((r) => [r.version, r.checksum]));
  return migrations.every((m) => applied.get(m.version) === m.checksum);
}
