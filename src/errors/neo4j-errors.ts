import { Neo4jError } from 'neo4j-driver';
import { AppError, ConflictError } from './app-errors';

/**
 * Translates driver errors where data is accessed. A uniqueness violation is a CONFLICT the client
 * can act on; anything else is left as is, to be masked by formatError and logged.
 */
export function translateNeo4jError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  if (err instanceof Neo4jError && err.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    const m = /property `(\w+)` = (.+)$/m.exec(err.message);
    return new ConflictError(m ? `another node already has ${m[1]} ${m[2]}` : 'this value is already taken by another node');
  }
  return err;
}
