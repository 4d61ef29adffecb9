import neo4j from 'neo4j-driver';

/**
 * Record → plain value mapping: temporal values become ISO strings (Date → "2021-11-10",
 * DateTime → ISO 8601), points become { latitude, longitude }, and containers are mapped
 * recursively. Integers are already numbers (see createDriver).
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isPoint(value)) {
    const p = value as { x: number; y: number };
    return { latitude: p.y, longitude: p.x };
  }
  if (neo4j.isDate(value) || neo4j.isLocalDateTime(value) || neo4j.isLocalTime(value) || neo4j.isTime(value)) {
    return value.toString();
  }
  if (neo4j.isDateTime(value)) {
    return new Date(value.toString()).toISOString();
  }
  if (neo4j.isDuration(value)) return value.toString();
  if (neo4j.isInt(value)) return (value as unknown as { toNumber(): number }).toNumber();
  const node = value as { labels?: unknown; properties?: Record<string, unknown>; elementId?: string };
  if (node.properties && typeof node.properties === 'object' && node.elementId !== undefined) {
    return toPlain(node.properties);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
  return out;
}
