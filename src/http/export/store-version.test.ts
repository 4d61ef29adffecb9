import { etagOf, notModified } from './store-version';

describe('conditional requests of the exports', () => {
  const v = { tag: 'store:10:20:2026-01-01T10:00:00.5Z', lastModified: new Date('2026-01-01T10:00:00.500Z') };
  const etag = etagOf(v, ['/allies.geojson', '[]']);

  it('the ETag changes with the version and with the representation', () => {
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(etagOf({ ...v, tag: 'store:10:21:2026-01-01T10:00:00.5Z' }, ['/allies.geojson', '[]'])).not.toBe(etag);
    expect(etagOf(v, ['/allies.geojson', '[["theme","energie"]]'])).not.toBe(etag);
    expect(etagOf(v, ['/allies.geojson', '[]'])).toBe(etag);
  });

  it('If-None-Match decides when given (weak comparison, lists, *), else If-Modified-Since at one-second precision', () => {
    expect(notModified({ 'if-none-match': etag }, etag, v.lastModified)).toBe(true);
    expect(notModified({ 'if-none-match': etag.slice(2) }, etag, v.lastModified)).toBe(true);
    expect(notModified({ 'if-none-match': `W/"other", ${etag}` }, etag, v.lastModified)).toBe(true);
    expect(notModified({ 'if-none-match': '*' }, etag, v.lastModified)).toBe(true);
    expect(notModified({ 'if-none-match': 'W/"other"', 'if-modified-since': v.lastModified.toUTCString() }, etag, v.lastModified)).toBe(false);
    expect(notModified({ 'if-modified-since': v.lastModified.toUTCString() }, etag, v.lastModified)).toBe(true);
    expect(notModified({ 'if-modified-since': new Date('2026-01-01T09:59:59Z').toUTCString() }, etag, v.lastModified)).toBe(false);
    expect(notModified({ 'if-modified-since': 'not a date' }, etag, v.lastModified)).toBe(false);
    expect(notModified({}, etag, v.lastModified)).toBe(false);
  });
});
