// Live learning curves with Chart.js (from the chart.js webjar, loaded as the global `Chart`).

// the Okabe–Ito colours, as in the server's PNG plots
export const COLOURS = {
  blue: '#0072b2', sky: '#56b4e9', vermillion: '#d55e00', purple: '#cc79a7', green: '#009e73', black: '#222222',
};

/** Draws dashed vertical lines at chart.options.plugins.markers.lines = [{x, label, colour}]. */
const markers = {
  id: 'markers',
  afterDatasetsDraw(chart, args, options) {
    const { ctx, chartArea, scales } = chart;
    for (const line of options.lines || []) {
      const x = scales.x.getPixelForValue(line.x);
      if (x < chartArea.left || x > chartArea.right) {
        continue;
      }
      ctx.save();
      ctx.strokeStyle = line.colour;
      ctx.setLineDash([6, 4]);
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = '12px system-ui, sans-serif';
      const width = ctx.measureText(line.label).width;
      const left = x + width + 8 > chartArea.right ? x - width - 6 : x + 4;
      const top = options.labels === 'bottom' ? chartArea.bottom - 19 - 17 * (line.row || 0)
        : chartArea.top + 4 + 17 * (line.row || 0);
      ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
      ctx.fillRect(left - 2, top, width + 4, 15);
      ctx.fillStyle = line.colour;
      ctx.textBaseline = 'top';
      ctx.fillText(line.label, left, top + 2);
      ctx.restore();
    }
  },
};

/**
 * A line chart of several series over epochs. `series` is [{key, label, colour, dash}]; add(row) appends one epoch
 * (values read with row[key]), and `setMarkers` sets the vertical lines, labelled at the top or the bottom.
 */
export function curveChart(canvas, { yTitle, series, markerLabels = 'top' }) {
  const chart = new window.Chart(canvas, {
    type: 'line',
    data: {
      datasets: series.map((s) => ({
        label: s.label, data: [], borderColor: s.colour, backgroundColor: s.colour, borderWidth: 2,
        borderDash: s.dash || [], pointRadius: 0, pointHitRadius: 6, spanGaps: false,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: { type: 'linear', title: { display: true, text: 'epoch' }, ticks: { precision: 0 }, min: 0 },
        y: { title: { display: true, text: yTitle } },
      },
      plugins: {
        legend: {
          position: 'bottom',
          labels: {
            boxWidth: 24,
            boxHeight: 2,
            // a series the job does not have (no validation split, accuracy of a regression) stays out
            filter: (item, data) => data.datasets[item.datasetIndex].data.some((point) => point.y !== null),
          },
        },
        markers: { lines: [], labels: markerLabels },
      },
    },
    plugins: [markers],
  });
  let pending = false;
  const redraw = () => {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(() => {
        pending = false;
        chart.update('none');
        canvas.dataset.epochs = String(chart.data.datasets[0].data.length);
      });
    }
  };
  return {
    /** Appends (or, after a rewind, replaces) the epoch's values. */
    add(row) {
      chart.data.datasets.forEach((dataset, i) => {
        const value = row[series[i].key];
        while (dataset.data.length && dataset.data[dataset.data.length - 1].x >= row.epoch) {
          dataset.data.pop();
        }
        dataset.data.push({ x: row.epoch, y: value === undefined ? null : value });
      });
      redraw();
    },
    setMarkers(lines) {
      chart.options.plugins.markers.lines = lines;
      redraw();
    },
    setYTitle(text) {
      chart.options.scales.y.title.text = text;
      redraw();
    },
    destroy() {
      chart.destroy();
    },
  };
}
