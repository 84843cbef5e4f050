import { LitElement, css, html, nothing } from 'lit';

/**
 * <convlab-matrix-animation>: plays back a convolution, pooling or activation trace cell by cell.
 *
 * The server sends the whole trace once (`data`); playing, stepping and jumping happen here, so a
 * 676-step animation costs no server round trip per frame. The grids are rendered once per trace;
 * a step only moves highlight classes on the cells it touches, which keeps 28×28 inputs smooth.
 *
 * Readable by tests: the host carries `data-step` (0-based), highlighted input cells have the class
 * `in-window` (and `picked` for the value max pooling keeps), the current output cell has the class
 * `current` and `aria-current="step"`. Clicking an output cell jumps to its step; clicking a cell of
 * an editable grid fires `cell-edit` with `{grid, row, col}` in the grid's displayed coordinates.
 *
 * The keyboard does all the mouse does (WCAG 2.1 AA): each grid is an ARIA grid with one tab stop
 * (roving tabindex); the arrow keys, Home and End move between cells, and Enter or Space does what a
 * click does: jump to an output cell's step, edit an editable cell, or, on an input cell, jump to the
 * first step whose window covers it. Screen readers read every value; a status line announces a new
 * trace's output size and where a pause stopped. Output cells not yet computed show no value and
 * no colour, so the animation never gives away a result before it is worked out.
 */

interface Scale {
  min: number;
  max: number;
  diverging: boolean;
}

interface GridData {
  title: string;
  rows: number;
  cols: number;
  values: number[];
  labels: string[];
  padding: number[];
  scale: Scale;
}

interface StepData {
  window: number[];
  picked: number;
  output: number;
  sum: string;
  description: string;
}

interface AnimationData {
  kind: string;
  input: GridData;
  kernel: GridData | null;
  output: GridData;
  steps: StepData[];
  editable: string[];
}

/** Viridis at 9 points, for values that are never negative. */
const VIRIDIS = [
  [68, 1, 84], [71, 44, 122], [59, 81, 139], [44, 113, 142], [33, 144, 141],
  [39, 173, 129], [92, 200, 99], [170, 220, 50], [253, 231, 37],
];

/** Blue for negative, light gray for zero, orange for positive: safe for red-green colour blindness. */
const DIVERGING = [
  [33, 102, 172], [103, 169, 207], [209, 229, 240], [240, 240, 240], [254, 224, 182], [244, 165, 80], [179, 88, 6],
];

function interpolate(stops: number[][], t: number): number[] {
  const x = Math.min(Math.max(t, 0), 1) * (stops.length - 1);
  const i = Math.min(Math.floor(x), stops.length - 2);
  const f = x - i;
  return stops[i].map((v, k) => Math.round(v + f * (stops[i + 1][k] - v)));
}

function colour(scale: Scale, value: number): number[] {
  if (scale.diverging) {
    const extent = Math.max(Math.abs(scale.min), Math.abs(scale.max)) || 1;
    return interpolate(DIVERGING, (value / extent + 1) / 2);
  }
  const range = scale.max - scale.min || 1;
  return interpolate(VIRIDIS, (value - scale.min) / range);
}

/** WCAG relative luminance of an sRGB colour. */
function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Black or white text, whichever contrasts more with the cell: on any colour one of them reaches
 * at least 4.58:1, so every value passes WCAG AA (4.5:1).
 */
function cellStyle(scale: Scale, value: number): string {
  const rgb = colour(scale, value);
  const l = luminance(rgb);
  const text = (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000' : '#fff';
  return `background:rgb(${rgb[0]} ${rgb[1]} ${rgb[2]});color:${text}`;
}

function gradient(scale: Scale): string {
  const stops = scale.diverging ? DIVERGING : VIRIDIS;
  return `linear-gradient(to right, ${stops.map(([r, g, b]) => `rgb(${r} ${g} ${b})`).join(', ')})`;
}

const SPEEDS: Array<[keyof Words, number]> = [['slow', 1200], ['normal', 600], ['fast', 250], ['fastest', 60]];

/**
 * Every word the animation shows or says, in the page's language: the server sets them as the
 * `words` property (lesson.ui.MatrixAnimation, bundle i18n/lesson). `{0}`, `{1}` are replaced
 * literally. The English here only serves a page that sets none.
 */
interface Words {
  back: string;
  backLabel: string;
  forward: string;
  forwardLabel: string;
  play: string;
  pause: string;
  scrubber: string;
  position: string;
  speed: string;
  slow: string;
  normal: string;
  fast: string;
  fastest: string;
  gridHint: string;
  hintOutput: string;
  hintEditable: string;
  hintInput: string;
  padding: string;
  newOutput: string;
  paused: string;
  decimal: string;
}

const ENGLISH: Words = {
  back: '◀ Back',
  backLabel: 'Step back',
  forward: 'Step ▶',
  forwardLabel: 'Step forward',
  play: '▶ Play',
  pause: '❚❚ Pause',
  scrubber: 'Step',
  position: 'step {0} of {1}',
  speed: 'Speed',
  slow: 'slow',
  normal: 'normal',
  fast: 'fast',
  fastest: 'fastest',
  gridHint: '{0} by {1}. Arrow keys move between cells; {2}.',
  hintOutput: 'Enter shows how a cell is computed',
  hintEditable: 'Enter changes a cell',
  hintInput: 'Enter jumps to the first output this cell feeds',
  padding: 'padding {0}',
  newOutput: 'New output: {0} by {1}, {2} steps.',
  paused: 'Paused at step {0} of {1}. ',
  decimal: '.',
};

function fill(text: string, ...values: Array<string | number>): string {
  return values.reduce<string>((t, v, i) => t.split(`{${i}}`).join(String(v)), text);
}

export class ConvlabMatrixAnimation extends LitElement {
  static properties = {
    data: { type: Object },
    label: { type: String },
    words: { type: Object },
    playing: { state: true },
  };

  declare data: AnimationData | null;
  declare label: string;
  declare words: Partial<Words> | null;
  declare playing: boolean;

  /** The current step; deliberately not reactive, so a step never re-renders the grids. */
  private step = 0;
  private delay = 600;
  private timer?: number;
  private inputCells: HTMLElement[] = [];
  private outputCells: HTMLElement[] = [];
  private stepOfOutput = new Map<number, number>();
  /** Per grid, the cell that holds the grid's one tab stop (roving tabindex). */
  private focusCell = new Map<string, number>();
  /** The output size last shown, so a new trace of another size is announced. */
  private shownSize = '';

  constructor() {
    super();
    this.data = null;
    this.label = 'Animation';
    this.words = null;
    this.playing = false;
  }

  /** The word under `key`: the server's, else the English default. */
  private w(key: keyof Words): string {
    return this.words?.[key] ?? ENGLISH[key];
  }

  static styles = css`
    :host {
      display: block;
      --cell: 2.3em;
      --cell-font: 0.72em;
    }
    :host([size='large']) {
      --cell: 22px;
      --cell-font: 8px;
    }
    .stage {
      display: flex;
      flex-wrap: wrap;
      gap: var(--lumo-space-l, 1.5em);
      align-items: flex-start;
      outline: none;
    }
    .stage:focus-visible {
      outline: 2px solid var(--lumo-primary-color, #1676f3);
      outline-offset: 4px;
      border-radius: 4px;
    }
    figure {
      position: relative;
      margin: 0;
      min-width: 0;
      max-width: 100%;
    }
    figcaption {
      font-weight: 600;
      font-size: var(--lumo-font-size-s, 0.875rem);
      margin-bottom: 0.3em;
    }
    .grid {
      display: grid;
      gap: 1px;
      font-variant-numeric: tabular-nums;
      width: max-content;
    }
    .row {
      display: grid;
      grid-template-columns: repeat(var(--cols), var(--cell));
      gap: 1px;
    }
    /* The keyboard's cell: a ring in the theme's colour outside the cell, over any window frame. */
    .grid .cell:focus-visible {
      outline: 3px solid var(--lumo-primary-color, #1676f3);
      outline-offset: 2px;
      box-shadow: inset 0 0 0 2px #fff, 0 0 0 2px var(--lumo-base-color, #fff);
      position: relative;
      z-index: 2;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .scroll {
      overflow-x: auto;
      max-width: 100%;
    }
    .cell {
      box-sizing: border-box;
      height: var(--cell);
      display: flex;
      align-items: center;
      justify-content: center;
      font-size: var(--cell-font);
      border-radius: 2px;
      border: 2px solid transparent;
      transition: opacity 0.15s;
      user-select: none;
    }
    .editable .cell:not(.padding),
    .output .cell {
      cursor: pointer;
    }
    .cell.padding {
      background: repeating-linear-gradient(45deg, transparent 0 3px, rgba(128, 128, 128, 0.25) 3px 5px) !important;
      color: var(--lumo-secondary-text-color, #666) !important;
    }
    /* Black outline with a white inner ring: visible on the darkest and the lightest cell colours. */
    .cell.in-window,
    .cell.current {
      outline: 2px solid #000;
      outline-offset: -1px;
      box-shadow: inset 0 0 0 2px #fff;
      position: relative;
      z-index: 1;
    }
    .cell.current {
      outline-width: 3px;
      opacity: 1;
    }
    .cell.picked {
      font-weight: 700;
      text-decoration: underline 2px;
      box-shadow: inset 0 0 0 2px #fff, inset 0 0 0 5px #d55e00;
    }
    /* Not computed yet: no value and no colour, only an outline, so nothing gives the answer away. */
    .cell.pending {
      background: transparent !important;
      border: 1px dashed var(--lumo-contrast-40pct, #999);
    }
    .cell.pending .value {
      visibility: hidden;
    }
    .legend {
      display: flex;
      align-items: center;
      gap: 0.4em;
      margin-top: 0.3em;
      font-size: var(--lumo-font-size-xs, 0.75rem);
      color: var(--lumo-secondary-text-color, #555);
    }
    .legend .bar {
      width: 90px;
      height: 0.7em;
      border-radius: 2px;
    }
    .working {
      flex: 1 1 16em;
      min-width: min(16em, 100%);
    }
    .sum {
      font-family: var(--lumo-font-family, sans-serif);
      font-variant-numeric: tabular-nums;
      font-size: var(--lumo-font-size-m, 1rem);
      line-height: 1.6;
      padding: 0.5em 0.75em;
      border-radius: var(--lumo-border-radius-m, 6px);
      background: var(--lumo-contrast-5pct, #f3f3f3);
      overflow-wrap: anywhere;
    }
    .description {
      color: var(--lumo-secondary-text-color, #555);
      font-size: var(--lumo-font-size-s, 0.875rem);
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      align-items: center;
      margin-top: var(--lumo-space-m, 1em);
    }
    .controls button,
    .controls select {
      font: inherit;
      font-size: var(--lumo-font-size-s, 0.875rem);
      padding: 0.35em 0.8em;
      border-radius: var(--lumo-border-radius-m, 6px);
      border: 1px solid var(--lumo-contrast-30pct, #bbb);
      background: var(--lumo-base-color, #fff);
      color: var(--lumo-body-text-color, #222);
      cursor: pointer;
    }
    .controls button.play {
      background: var(--lumo-primary-color, #1676f3);
      color: var(--lumo-primary-contrast-color, #fff);
      border-color: transparent;
      min-width: 5.5em;
    }
    .controls button:focus-visible,
    .controls select:focus-visible,
    .controls input:focus-visible {
      outline: 2px solid var(--lumo-primary-color, #1676f3);
      outline-offset: 2px;
    }
    .controls input[type='range'] {
      flex: 1 1 10em;
      min-width: 8em;
      accent-color: var(--lumo-primary-color, #1676f3);
    }
    .position {
      font-size: var(--lumo-font-size-s, 0.875rem);
      font-variant-numeric: tabular-nums;
      min-width: 7em;
    }
  `;

  render() {
    const data = this.data;
    if (!data || data.steps.length === 0) {
      return nothing;
    }
    const last = data.steps.length - 1;
    return html`
      <div class="stage" tabindex="0" role="group" aria-label=${this.label}
           aria-roledescription="animation" @keydown=${this.onKey}>
        ${this.gridTemplate('input', data.input, data.editable.includes('input'))}
        ${data.kernel ? this.gridTemplate('kernel', data.kernel, data.editable.includes('kernel')) : nothing}
        ${this.gridTemplate('output', data.output, false)}
        <div class="working">
          <div class="sum" aria-hidden="true"></div>
          <p class="description" aria-live="polite"></p>
        </div>
      </div>
      <div class="controls">
        <button class="back" @click=${() => this.go(this.step - 1)} aria-label=${this.w('backLabel')}>${this.w('back')}</button>
        <button class="play" @click=${this.togglePlay} aria-pressed=${this.playing ? 'true' : 'false'}>
          ${this.playing ? this.w('pause') : this.w('play')}
        </button>
        <button class="forward" @click=${() => this.go(this.step + 1)} aria-label=${this.w('forwardLabel')}>${this.w('forward')}</button>
        <input class="scrubber" type="range" min="0" max=${last} .value=${String(this.step)}
               aria-label=${this.w('scrubber')} aria-valuetext=${fill(this.w('position'), this.step + 1, data.steps.length)}
               @input=${this.onScrub} />
        <span class="position"></span>
        <select class="speed" aria-label=${this.w('speed')} @change=${this.onSpeed}>
          ${SPEEDS.map(([name, ms]) => html`<option value=${ms} ?selected=${ms === this.delay}>${this.w(name)}</option>`)}
        </select>
      </div>
      <div class="status visually-hidden" role="status"></div>
    `;
  }

  private gridTemplate(name: string, grid: GridData, editable: boolean) {
    const padding = new Set(grid.padding);
    const stop = Math.min(this.focusCell.get(name) ?? 0, grid.values.length - 1);
    const rows = Array.from({ length: grid.rows }, (_, r) => r);
    const cols = Array.from({ length: grid.cols }, (_, c) => c);
    const hint = name === 'output' ? this.w('hintOutput')
      : editable ? this.w('hintEditable') : this.w('hintInput');
    return html`
      <figure class=${name}>
        <figcaption id="caption-${name}">${grid.title}</figcaption>
        <span id="hint-${name}" class="visually-hidden">
          ${fill(this.w('gridHint'), grid.rows, grid.cols, hint)}
        </span>
        <div class="scroll">
          <div class="grid ${name} ${editable ? 'editable' : ''}" style="--cols:${grid.cols}" role="grid"
               aria-labelledby="caption-${name}" aria-rowcount=${grid.rows} aria-colcount=${grid.cols}
               aria-describedby="hint-${name}"
               @click=${(e: Event) => this.onCellClick(name, grid, e)}
               @keydown=${(e: KeyboardEvent) => this.onGridKey(name, grid, e)}>
            ${rows.map((r) => html`<div class="row" role="row">${cols.map((c) => {
              const i = r * grid.cols + c;
              return html`<span class="cell ${padding.has(i) ? 'padding' : ''}" role="gridcell"
                  data-index=${i} tabindex=${i === stop ? '0' : '-1'} style=${cellStyle(grid.scale, grid.values[i])}
                  aria-label=${padding.has(i) ? fill(this.w('padding'), grid.labels[i]) : nothing}
                  ><span class="value">${grid.labels[i]}</span></span>`;
            })}</div>`)}
          </div>
        </div>
        <div class="legend" aria-hidden="true">
          <span>${this.format(grid.scale.diverging ? -Math.max(Math.abs(grid.scale.min), Math.abs(grid.scale.max)) : grid.scale.min)}</span>
          <span class="bar" style="background:${gradient(grid.scale)}"></span>
          <span>${this.format(grid.scale.diverging ? Math.max(Math.abs(grid.scale.min), Math.abs(grid.scale.max)) : grid.scale.max)}</span>
        </div>
      </figure>
    `;
  }

  private format(value: number): string {
    const text = Number.isInteger(value) ? String(value) : value.toFixed(2).replace('.', this.w('decimal'));
    return text.replace('-', '−');
  }

  updated(changed: Map<string, unknown>) {
    if (changed.has('data') && this.data) {
      const output = this.data.output;
      const size = `${output.rows}×${output.cols}`;
      if (this.shownSize && this.shownSize !== size) {
        this.announce(fill(this.w('newOutput'), output.rows, output.cols, this.data.steps.length));
      }
      this.shownSize = size;
      this.inputCells = [...this.renderRoot.querySelectorAll<HTMLElement>('.grid.input .cell')];
      this.outputCells = [...this.renderRoot.querySelectorAll<HTMLElement>('.grid.output .cell')];
      this.stepOfOutput = new Map(this.data.steps.map((s, i) => [s.output, i]));
      // Lit reuses cell nodes across traces, so highlights from the previous trace are cleared here.
      for (const cell of this.renderRoot.querySelectorAll('.cell')) {
        cell.classList.remove('in-window', 'picked', 'current', 'pending');
        cell.removeAttribute('aria-current');
      }
      this.show(Math.min(this.step, this.data.steps.length - 1), -1);
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stop();
  }

  /** Moves to a step; out-of-range steps are clamped. */
  go(target: number) {
    if (!this.data) {
      return;
    }
    const next = Math.max(0, Math.min(target, this.data.steps.length - 1));
    if (next !== this.step) {
      this.show(next, this.step);
    }
  }

  /** Updates only what differs between two steps: window cells, output cells, texts. */
  private show(next: number, previous: number) {
    const steps = this.data!.steps;
    if (previous >= 0) {
      const old = steps[previous];
      old.window.forEach((i) => this.inputCells[i]?.classList.remove('in-window'));
      this.inputCells[old.picked]?.classList.remove('picked');
      const oldOut = this.outputCells[old.output];
      oldOut?.classList.remove('current');
      oldOut?.removeAttribute('aria-current');
    }
    const from = previous < 0 ? 0 : Math.min(previous, next);
    const to = previous < 0 ? steps.length - 1 : Math.max(previous, next);
    for (let s = from; s <= to; s++) {
      this.outputCells[steps[s].output]?.classList.toggle('pending', s > next);
    }
    const step = steps[next];
    step.window.forEach((i) => this.inputCells[i]?.classList.add('in-window'));
    this.inputCells[step.picked]?.classList.add('picked');
    const out = this.outputCells[step.output];
    out?.classList.add('current');
    out?.setAttribute('aria-current', 'step');

    this.step = next;
    this.setAttribute('data-step', String(next));
    const root = this.renderRoot;
    root.querySelector('.sum')!.textContent = step.sum;
    const description = root.querySelector('.description')!;
    description.setAttribute('aria-live', this.playing ? 'off' : 'polite');
    description.textContent = step.description;
    const scrubber = root.querySelector<HTMLInputElement>('.scrubber')!;
    scrubber.value = String(next);
    const position = fill(this.w('position'), next + 1, steps.length);
    scrubber.setAttribute('aria-valuetext', position);
    root.querySelector('.position')!.textContent = position;
  }

  private togglePlay = () => {
    if (this.playing) {
      this.stop();
      this.announce(fill(this.w('paused'), this.step + 1, this.data!.steps.length)
        + this.data!.steps[this.step].description);
      return;
    }
    if (this.step >= this.data!.steps.length - 1) {
      this.go(0);
    }
    this.playing = true;
    this.tick();
  };

  private tick() {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => {
      if (!this.playing || !this.data) {
        return;
      }
      if (this.step >= this.data.steps.length - 1) {
        this.stop();
        return;
      }
      this.go(this.step + 1);
      this.tick();
    }, this.delay);
  }

  private stop() {
    window.clearTimeout(this.timer);
    this.playing = false;
    this.renderRoot?.querySelector('.description')?.setAttribute('aria-live', 'polite');
  }

  private onScrub = (e: Event) => {
    this.stop();
    this.go(Number((e.target as HTMLInputElement).value));
  };

  private onSpeed = (e: Event) => {
    this.delay = Number((e.target as HTMLSelectElement).value);
    if (this.playing) {
      this.tick();
    }
  };

  /** Says something to screen readers once, through the status line. */
  private announce(text: string) {
    const status = this.renderRoot.querySelector('.status');
    if (status) {
      status.textContent = text;
    }
  }

  private onKey = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) {
      return; // keys on a grid cell move between cells instead (onGridKey)
    }
    const keys: Record<string, () => void> = {
      ArrowRight: () => this.go(this.step + 1),
      ArrowDown: () => this.go(this.step + 1),
      ArrowLeft: () => this.go(this.step - 1),
      ArrowUp: () => this.go(this.step - 1),
      Home: () => this.go(0),
      End: () => this.go(this.data!.steps.length - 1),
      ' ': () => this.togglePlay(),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      if (e.key !== ' ') {
        this.stop();
      }
      action();
    }
  };

  /** Arrow keys, Home and End move the grid's tab stop; Enter and Space act as a click. */
  private onGridKey(name: string, grid: GridData, e: KeyboardEvent) {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('.cell');
    if (!cell) {
      return;
    }
    const index = Number(cell.dataset.index);
    const row = Math.floor(index / grid.cols);
    const col = index % grid.cols;
    const moves: Record<string, [number, number]> = {
      ArrowRight: [row, Math.min(col + 1, grid.cols - 1)],
      ArrowLeft: [row, Math.max(col - 1, 0)],
      ArrowDown: [Math.min(row + 1, grid.rows - 1), col],
      ArrowUp: [Math.max(row - 1, 0), col],
      Home: e.ctrlKey ? [0, 0] : [row, 0],
      End: e.ctrlKey ? [grid.rows - 1, grid.cols - 1] : [row, grid.cols - 1],
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      e.stopPropagation();
      this.focusGridCell(name, move[0] * grid.cols + move[1]);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      this.activate(name, grid, index);
    }
  }

  /** Moves a grid's one tab stop to a cell and focuses it. */
  private focusGridCell(name: string, index: number) {
    const cells = this.renderRoot.querySelectorAll<HTMLElement>(`.grid.${name} .cell`);
    const old = cells[this.focusCell.get(name) ?? 0];
    old?.setAttribute('tabindex', '-1');
    this.focusCell.set(name, index);
    const cell = cells[index];
    cell?.setAttribute('tabindex', '0');
    cell?.focus();
  }

  private onCellClick(name: string, grid: GridData, e: Event) {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('.cell');
    if (!cell) {
      return;
    }
    const index = Number(cell.dataset.index);
    this.focusGridCell(name, index);
    this.activate(name, grid, index);
  }

  /** What a click or Enter on a cell does. */
  private activate(name: string, grid: GridData, index: number) {
    if (name === 'output') {
      const step = this.stepOfOutput.get(index);
      if (step !== undefined) {
        this.stop();
        this.go(step);
      }
    } else if (this.data!.editable.includes(name) && !grid.padding.includes(index)) {
      this.dispatchEvent(new CustomEvent('cell-edit', {
        detail: { grid: name, row: Math.floor(index / grid.cols), col: index % grid.cols },
      }));
    } else if (name === 'input') {
      const step = this.data!.steps.findIndex((s) => s.window.includes(index));
      if (step >= 0) {
        this.stop();
        this.go(step);
      }
    }
  }
}

customElements.define('convlab-matrix-animation', ConvlabMatrixAnimation);
