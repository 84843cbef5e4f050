import { LitElement, css, html } from 'lit';

/**
 * <convlab-sketchpad>: a square canvas to draw an item of clothing with a mouse, a finger or a pen.
 * After each stroke it fires `sketch-changed` with the drawing as a PNG data URL (black ink on white);
 * the server turns that into a 28×28 image exactly as it does an uploaded photo.
 */
export class ConvlabSketchpad extends LitElement {
  static properties = {
    brush: { type: Number },
    label: { type: String },
  };

  declare brush: number;
  /** What a screen reader announces for the canvas; pages that draw something else than clothing set it. */
  declare label: string;

  private drawing = false;
  private last?: { x: number; y: number };
  private strokes = 0;

  constructor() {
    super();
    this.brush = 18;
    this.label = 'Drawing area: draw one item of clothing';
  }

  static styles = css`
    :host {
      display: inline-block;
    }
    canvas {
      width: 280px;
      height: 280px;
      max-width: 100%;
      border-radius: var(--lumo-border-radius-m, 6px);
      border: 1px solid var(--lumo-contrast-30pct, #999);
      background: #fff;
      touch-action: none;
      cursor: crosshair;
    }
  `;

  render() {
    return html`<canvas
      width="280"
      height="280"
      role="img"
      aria-label=${this.label}
      @pointerdown=${this.down}
      @pointermove=${this.move}
      @pointerup=${this.up}
      @pointerleave=${this.up}
    ></canvas>`;
  }

  firstUpdated() {
    this.clear();
  }

  private get canvas(): HTMLCanvasElement {
    return this.renderRoot.querySelector('canvas')!;
  }

  private point(e: PointerEvent) {
    const rect = this.canvas.getBoundingClientRect();
    return {
      x: ((e.clientX - rect.left) / rect.width) * this.canvas.width,
      y: ((e.clientY - rect.top) / rect.height) * this.canvas.height,
    };
  }

  private down(e: PointerEvent) {
    this.drawing = true;
    this.canvas.setPointerCapture(e.pointerId);
    this.last = this.point(e);
    this.line(this.last, this.last);
  }

  private move(e: PointerEvent) {
    if (!this.drawing) {
      return;
    }
    const p = this.point(e);
    this.line(this.last!, p);
    this.last = p;
  }

  private up() {
    if (!this.drawing) {
      return;
    }
    this.drawing = false;
    this.strokes++;
    this.dispatchEvent(
      new CustomEvent('sketch-changed', { detail: { png: this.canvas.toDataURL('image/png'), strokes: this.strokes } }),
    );
  }

  private line(from: { x: number; y: number }, to: { x: number; y: number }) {
    const ctx = this.canvas.getContext('2d')!;
    ctx.strokeStyle = '#000';
    ctx.lineWidth = this.brush;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
  }

  /** Wipes the canvas white; called from the server's Clear button too. */
  clear() {
    const ctx = this.canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    this.strokes = 0;
  }
}

customElements.define('convlab-sketchpad', ConvlabSketchpad);
