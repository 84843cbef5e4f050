import { LitElement, css, html } from 'lit';

/**
 * <convlab-chart>: draws a Chart.js chart from a plain JSON configuration set by the server.
 *
 * Chart.js comes from its webjar as a UMD script (`src`), loaded once per page and shared by every
 * chart. When the chart has been drawn, the element gets the `data-rendered` attribute, which the
 * browser tests wait for.
 */
declare global {
  interface Window {
    Chart?: any;
  }
}

let chartJsLoading: Promise<void> | undefined;

function loadChartJs(src: string): Promise<void> {
  if (window.Chart) {
    return Promise.resolve();
  }
  if (!chartJsLoading) {
    chartJsLoading = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = () => resolve();
      script.onerror = () => {
        chartJsLoading = undefined;
        reject(new Error(`Chart.js could not be loaded from ${src}`));
      };
      document.head.appendChild(script);
    });
  }
  return chartJsLoading;
}

/** Every chart on the page, so a light/dark switch can redraw them all. */
const charts = new Set<ConvlabChart>();

function isDark(): boolean {
  return getComputedStyle(document.documentElement).colorScheme.includes('dark')
    || document.documentElement.getAttribute('theme')?.includes('dark') === true;
}

new MutationObserver(() => charts.forEach((chart) => chart.redraw())).observe(document.documentElement, {
  attributes: true,
  attributeFilter: ['theme', 'style', 'class'],
});

/** Puts axis, grid and legend colours that read well on the current background into the options. */
function withColours(options: any): any {
  const dark = isDark();
  const text = dark ? 'rgba(255, 255, 255, 0.8)' : 'rgba(0, 0, 0, 0.72)';
  const grid = dark ? 'rgba(255, 255, 255, 0.14)' : 'rgba(0, 0, 0, 0.1)';
  const scales: any = {};
  for (const [name, scale] of Object.entries<any>(options.scales ?? {})) {
    scales[name] = {
      ...scale,
      ticks: { ...(scale.ticks ?? {}), color: text },
      grid: { ...(scale.grid ?? {}), color: grid },
      border: { ...(scale.border ?? {}), color: grid },
      title: { ...(scale.title ?? {}), color: text },
    };
  }
  const plugins = options.plugins ?? {};
  const legend = plugins.legend ?? {};
  return {
    ...options,
    scales,
    plugins: { ...plugins, legend: { ...legend, labels: { ...(legend.labels ?? {}), color: text } } },
  };
}

export class ConvlabChart extends LitElement {
  static properties = {
    config: { type: Object },
    src: { type: String },
    label: { type: String },
  };

  declare config: any;
  declare src: string;
  declare label: string;

  private chart?: any;

  static styles = css`
    :host {
      display: block;
      position: relative;
      min-height: 200px;
    }
    .frame {
      position: relative;
      width: 100%;
      height: 100%;
      min-width: 0;
      overflow: hidden;
    }
    .error {
      color: var(--lumo-error-text-color, #b00);
    }
  `;

  render() {
    return html`<div class="frame"><canvas role="img" aria-label=${this.label ?? 'chart'}></canvas></div>`;
  }

  updated(changed: Map<string, unknown>) {
    if (changed.has('config') || changed.has('src')) {
      this.draw();
    }
  }

  connectedCallback() {
    super.connectedCallback();
    charts.add(this);
    if (this.config && this.hasUpdated) {
      this.draw();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    charts.delete(this);
    this.chart?.destroy();
    this.chart = undefined;
  }

  redraw() {
    this.draw();
  }

  private async draw() {
    if (!this.config || !this.src) {
      return;
    }
    try {
      await loadChartJs(this.src);
    } catch (e) {
      this.renderRoot.querySelector('.frame')!.textContent = (e as Error).message;
      return;
    }
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas) {
      return;
    }
    const config = structuredClone(this.config);
    config.options = withColours({
      responsive: true,
      maintainAspectRatio: false,
      animation: { duration: 300 },
      // Ticks and tooltips write numbers as the page's language does ("0,5" in German).
      locale: document.documentElement.lang || undefined,
      ...(config.options ?? {}),
    });
    if (this.chart) {
      this.chart.data = config.data;
      this.chart.options = config.options;
      this.chart.update();
    } else {
      this.chart = new window.Chart(canvas, config);
    }
    this.setAttribute('data-rendered', '');
  }
}

customElements.define('convlab-chart', ConvlabChart);
