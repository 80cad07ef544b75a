import { useEffect, useRef, useState } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const NONE: readonly never[] = [];
const MARK_COLOR = '#3d4b5c';
const BAND_COLOR = 'rgba(11, 92, 173, 0.10)';

/** Shaded bands, then a dashed line and a short label at each mark, over the plot area. */
function drawMarks(u: uPlot, marks: readonly XMark[], bands: readonly { from: number; to: number }[]) {
  const { ctx, bbox } = u;
  ctx.save();
  ctx.fillStyle = BAND_COLOR;
  for (const band of bands) {
    const from = u.valToPos(band.from, 'x', true);
    const to = u.valToPos(band.to, 'x', true);
    ctx.fillRect(from, bbox.top, Math.max(1, to - from), bbox.height);
  }
  ctx.strokeStyle = MARK_COLOR;
  ctx.fillStyle = MARK_COLOR;
  ctx.setLineDash([4, 3]);
  ctx.font = `${Math.round(11 * devicePixelRatio)}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  marks.forEach((mark, i) => {
    const left = u.valToPos(mark.x, 'x', true);
    ctx.beginPath();
    ctx.moveTo(left, bbox.top);
    ctx.lineTo(left, bbox.top + bbox.height);
    ctx.stroke();
    // Labels step down in three rows so marks close together stay readable.
    ctx.fillText(mark.label, left + 3 * devicePixelRatio, bbox.top + (i % 3) * 13 * devicePixelRatio + 2);
  });
  ctx.restore();
}

/** A moment on the x axis drawn as a labelled vertical line (a look-up, a hold). */
export interface XMark {
  x: number;
  label: string;
}

export interface Series {
  label: string;
  color: string;
  values: (number | null)[];
}

/**
 * A line chart drawn by uPlot, which loads only when a chart is first shown.
 * The chart is a picture for sighted users; the same figures are in the
 * table below it, for screen readers and for printing.
 */
export function LineChart({ title, xLabel, x, xText, series, yMax = 100, wholeX = false, marks = NONE, bands = NONE }: { title: string; xLabel: string; x: number[]; xText: (value: number) => string; series: Series[]; yMax?: number; /** Ticks only at whole numbers (call 1, 2, 3…). */ wholeX?: boolean; marks?: readonly XMark[]; /** Stretches of the x axis to shade (time on hold). */ bands?: readonly { from: number; to: number }[] }) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let live = true;
    void import('uplot')
      .then(({ default: UPlot }) => {
        if (!live || !box.current) return;
        const width = Math.max(300, box.current.clientWidth || 600);
        chart = new UPlot(
          {
            width,
            height: 260,
            scales: { x: { time: false }, y: { range: [0, yMax] } },
            axes: [{ label: xLabel, values: (_u, ticks) => ticks.map(xText), ...(wholeX ? { incrs: [1, 2, 5, 10, 20, 50, 100] } : {}) }, { label: 'Score' }],
            hooks: { draw: [(u) => drawMarks(u, marks, bands)] },
            series: [{ label: xLabel, value: (_u, v) => (v === null ? '—' : xText(v)) }, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, spanGaps: true, points: { show: true } }))],
          },
          [x, ...series.map((s) => s.values)] as unknown as import('uplot').AlignedData,
          box.current,
        );
      })
      .catch((error: Error) => setFailed(error.message));
    return () => {
      live = false;
      chart?.destroy();
    };
  }, [x, series, xLabel, xText, yMax, wholeX, marks, bands]);
  return (
    <figure className="line-chart">
      <figcaption>{title}</figcaption>
      <div ref={box} aria-hidden="true" />
      {failed && <p className="muted">The chart could not be drawn ({failed}); the figures are in the table.</p>}
      <details>
        <summary>The figures as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{xLabel}</th>
              {series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {x.map((value, index) => (
              <tr key={index}>
                <th scope="row">{xText(value)}</th>
                {series.map((s) => (
                  <td key={s.label}>{s.values[index] ?? '—'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
