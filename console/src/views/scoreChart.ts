// The score of a solving plan over time, as a small SVG line chart (no chart library: one polyline and a dot
// per observation). The box has a fixed size whether or not there is anything to draw, so nothing moves.
import { h } from '../dom';
import { fmtNumber, t } from '../i18n';
import { chartLevel, scalePoints, scoreLevels, type ScorePoint } from '../logic/planReview';
import { svg, svgTitle } from './svg';

const BOX = { width: 360, height: 120, pad: 12 };
const LEVEL_KEYS = ['plans.level.hard', 'plans.level.medium', 'plans.level.soft'] as const;

/** The level's name: hard, medium or soft for a three-level score, else its position. */
function levelName(level: number, count: number): string {
  if (count === 3) return t(LEVEL_KEYS[level]);
  if (count === 2) return t(LEVEL_KEYS[level === 0 ? 0 : 2]);
  return String(level + 1);
}

/** The chart of the observations, with a sentence saying what it shows (also its accessible description). */
export function scoreChart(points: ScorePoint[], solving: boolean): HTMLElement {
  const level = chartLevel(points);
  const count = points.length ? scoreLevels(points[0].score)!.length : 3;
  const coords = scalePoints(points, level, BOX);
  const chart = svg('svg', { viewBox: `0 0 ${BOX.width} ${BOX.height}`, class: 'score-chart', role: 'img', 'aria-labelledby': 'score-chart-title', 'aria-describedby': 'score-chart-text' });
  const title = svgTitle(t('plans.chartTitle'));
  title.id = 'score-chart-title';
  chart.append(title, svg('rect', { x: 0, y: 0, width: BOX.width, height: BOX.height, class: 'chart-bg' }));
  if (coords.length > 1) chart.append(svg('polyline', { points: coords.map((c) => c.join(',')).join(' '), class: 'score-line' }));
  coords.forEach(([x, y], i) => {
    const p = points[i];
    const secs = Math.round((p.at - points[0].at) / 1000);
    chart.append(svg('circle', { cx: x, cy: y, r: 3.5, class: 'score-dot', 'data-score': p.score }, svgTitle(`+${secs} s: ${p.score}`)));
  });
  const first = points[0];
  const last = points[points.length - 1];
  const text = points.length === 0
    ? t(solving ? 'plans.chartWaiting' : 'plans.chartNone')
    : t(points.length === 1 ? 'plans.chartTextOne' : 'plans.chartText', {
      n: points.length, level: levelName(level, count),
      from: fmtNumber(scoreLevels(first.score)![level]), to: fmtNumber(scoreLevels(last.score)![level]),
      s: Math.round((last.at - first.at) / 1000),
    });
  return h('figure', { class: 'score-figure' }, chart, h('figcaption', { id: 'score-chart-text', 'data-testid': 'score-chart-text' }, text));
}
