import { geoConicConformal, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Point } from 'geojson';

/**
 * The map view: ally points on a canvas over an offline outline of France and its neighbours
 * (Natural Earth 1:50m via world-atlas, built into dist/explorer/outline.json), in the Lambert
 * conformal conic projection of Lambert-93 (standard parallels 44° and 49°, centred on 3° E).
 * No basemap tiles: the page loads nothing from elsewhere. Drag to pan, wheel to zoom, click a point.
 */

export type AllyPoint = Feature<Point, { slug?: string; name?: string; kind?: string; [k: string]: unknown }>;

/** Metropolitan France (lon/lat), the view when there is nothing to fit. */
const METROPOLE: [[number, number], [number, number]] = [
  [-5.2, 41.3],
  [9.6, 51.1],
];

const KIND_COLOURS: Record<string, string> = { ORGANIZATION: '#2f7d4f', PERSON: '#8fc46a' };

export class MapView {
  private readonly ctx: CanvasRenderingContext2D;
  private readonly projection: GeoProjection = geoConicConformal().parallels([44, 49]).rotate([-3, 0]);
  private outline: FeatureCollection | null = null;
  private points: AllyPoint[] = [];
  private projected: { x: number; y: number; p: AllyPoint }[] = [];
  private hovered: AllyPoint | null = null;
  private drag: { x: number; y: number; t: [number, number]; moved: boolean } | null = null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly tooltip: HTMLElement,
    private readonly onPointClick: (p: AllyPoint) => void,
  ) {
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas 2D indisponible');
    this.ctx = ctx;
    canvas.addEventListener('mousemove', (e) => this.onMove(e));
    canvas.addEventListener('mouseleave', () => this.setHovered(null));
    canvas.addEventListener('mousedown', (e) => {
      this.drag = { x: e.clientX, y: e.clientY, t: this.projection.translate(), moved: false };
    });
    window.addEventListener('mouseup', (e) => {
      const d = this.drag;
      this.drag = null;
      if (d && !d.moved && e.target === canvas) {
        const hit = this.hit(e);
        if (hit) this.onPointClick(hit);
      }
    });
    canvas.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
  }

  async loadOutline(url: string): Promise<void> {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`fond de carte indisponible (HTTP ${res.status})`);
    this.outline = (await res.json()) as FeatureCollection;
  }

  /** Shows these points, framed (metropolitan France when none, or when they all fall inside it). */
  show(points: AllyPoint[]): void {
    this.points = points;
    this.hovered = null;
    this.resize(false);
    this.fit();
    this.draw();
  }

  get pointCount(): number {
    return this.points.length;
  }

  resize(redraw = true): void {
    const { clientWidth: w, clientHeight: h } = this.canvas;
    const dpr = window.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(w * dpr) || this.canvas.height !== Math.round(h * dpr)) {
      this.canvas.width = Math.round(w * dpr);
      this.canvas.height = Math.round(h * dpr);
      if (redraw) {
        this.fit();
        this.draw();
      }
    }
  }

  private fit(): void {
    const { clientWidth: w, clientHeight: h } = this.canvas;
    if (!w || !h) return;
    let [[west, south], [east, north]] = METROPOLE;
    for (const p of this.points) {
      const [lon, lat] = p.geometry.coordinates;
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
    // Overseas points alone would shrink France to a dot: they stay listed, and panning reaches them.
    if (east - west > 40 || north - south > 30) [[west, south], [east, north]] = METROPOLE;
    const frame: FeatureCollection = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [[west, south], [east, north], [west, north], [east, south], [(west + east) / 2, north], [(west + east) / 2, south]] } }],
    };
    this.projection.fitExtent(
      [
        [16, 16],
        [w - 16, h - 16],
      ],
      frame,
    );
  }

  draw(): void {
    const { ctx, canvas } = this;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    ctx.fillStyle = '#dbe9f4';
    ctx.fillRect(0, 0, w, h);
    const path = geoPath(this.projection, ctx);
    if (this.outline) {
      for (const f of this.outline.features) {
        ctx.beginPath();
        path(f);
        ctx.fillStyle = f.properties?.france ? '#f7f5ef' : '#eceae4';
        ctx.fill();
        ctx.strokeStyle = f.properties?.france ? '#8a8f98' : '#b9bcc2';
        ctx.lineWidth = f.properties?.france ? 1 : 0.6;
        ctx.stroke();
      }
    }
    this.projected = [];
    for (const p of this.points) {
      const xy = this.projection(p.geometry.coordinates as [number, number]);
      if (!xy) continue;
      this.projected.push({ x: xy[0], y: xy[1], p });
    }
    ctx.globalAlpha = 0.85;
    for (const { x, y, p } of this.projected) {
      ctx.beginPath();
      ctx.arc(x, y, p === this.hovered ? 6 : 4, 0, 2 * Math.PI);
      ctx.fillStyle = KIND_COLOURS[String(p.properties?.kind)] ?? '#3b78b8';
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }

  /** A point's position in the page (CSS pixels, for tests and the console), or null. */
  pointPagePosition(index: number): { x: number; y: number } | null {
    const q = this.projected.find((e) => e.p === this.points[index]);
    if (!q) return null;
    const box = this.canvas.getBoundingClientRect();
    return { x: box.left + q.x, y: box.top + q.y };
  }

  private hit(e: MouseEvent): AllyPoint | null {
    const box = this.canvas.getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    let best: AllyPoint | null = null;
    let bestD = 8 * 8;
    for (const q of this.projected) {
      const d = (q.x - x) ** 2 + (q.y - y) ** 2;
      if (d <= bestD) {
        bestD = d;
        best = q.p;
      }
    }
    return best;
  }

  private onMove(e: MouseEvent): void {
    if (this.drag) {
      const dx = e.clientX - this.drag.x;
      const dy = e.clientY - this.drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) this.drag.moved = true;
      if (this.drag.moved) {
        this.projection.translate([this.drag.t[0] + dx, this.drag.t[1] + dy]);
        this.draw();
      }
      return;
    }
    this.setHovered(this.hit(e), e);
  }

  private setHovered(p: AllyPoint | null, e?: MouseEvent): void {
    if (p !== this.hovered) {
      this.hovered = p;
      this.canvas.style.cursor = p ? 'pointer' : '';
      this.draw();
    }
    if (p && e) {
      const box = this.canvas.getBoundingClientRect();
      this.tooltip.textContent = String(p.properties?.name ?? p.properties?.slug ?? p.id ?? '');
      this.tooltip.style.left = `${e.clientX - box.left + 12}px`;
      this.tooltip.style.top = `${e.clientY - box.top + 12}px`;
      this.tooltip.hidden = false;
    } else this.tooltip.hidden = true;
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const box = this.canvas.getBoundingClientRect();
    const cx = e.clientX - box.left;
    const cy = e.clientY - box.top;
    const k = Math.exp(-e.deltaY * 0.0015);
    const s = this.projection.scale();
    const next = Math.max(500, Math.min(200000, s * k));
    const f = next / s;
    const [tx, ty] = this.projection.translate();
    this.projection.scale(next).translate([cx - (cx - tx) * f, cy - (cy - ty) * f]);
    this.draw();
  }
}
