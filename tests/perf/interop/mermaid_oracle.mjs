// What Mermaid itself computes for each gantt chart: runs the installed `mermaid`
// package (node + jsdom) on every .mmd file of a folder and writes, per chart, each
// task's startTime / endTime / renderEndTime as ganttDb.getTasks() returns them.
// Each chart is dated twice under two fake "now" clocks, so tasks whose dates depend
// on today (an unknown `after` id, say) can be told apart.
// Usage: TZ=UTC node mermaid_oracle.mjs CHART_DIR OUT.json
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';

const [chartDir, outFile] = process.argv.slice(2);
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const k of ['Element', 'HTMLElement', 'SVGElement', 'DOMParser', 'Node']) globalThis[k] = dom.window[k];

const RealDate = Date;
let fakeNow = 0;
class FakeDate extends RealDate {
  constructor(...args) { if (args.length === 0) super(fakeNow); else super(...args); }
  static now() { return fakeNow; }
}
globalThis.Date = FakeDate;

const { default: mermaid } = await import('mermaid');
const version = JSON.parse(readFileSync(new URL('./node_modules/mermaid/package.json', import.meta.url))).version;
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
const iso = (d) => (d instanceof RealDate && !isNaN(d.getTime()) ? d.toISOString() : d === null || d === undefined ? null : String(d));
const CLOCKS = [RealDate.UTC(2001, 1, 3, 10, 0, 0), RealDate.UTC(2031, 3, 5, 15, 0, 0)];

async function dateChart(text, now) {
  fakeNow = now;
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  if (diagram.type !== 'gantt') throw new Error(`not a gantt chart (${diagram.type})`);
  return diagram.db.getTasks().map((t) => ({
    order: t.order, id: t.id, task: t.task, section: t.section,
    start: iso(t.startTime), end: iso(t.endTime), render_end: iso(t.renderEndTime),
    manual_end: !!t.manualEndTime, milestone: !!t.milestone, vert: !!t.vert,
  }));
}

const out = { generator: `mermaid ${version} (npm) ganttDb.getTasks() via mermaidAPI.getDiagramFromText, node ${process.version}, jsdom, TZ=${process.env.TZ || ''}`, clocks: CLOCKS.map((c) => new RealDate(c).toISOString()), charts: {} };
for (const name of readdirSync(chartDir).filter((n) => n.endsWith('.mmd')).sort()) {
  const text = readFileSync(join(chartDir, name), 'utf8');
  try {
    const runs = [];
    for (const now of CLOCKS) runs.push(await dateChart(text, now));
    const [a, b] = runs;
    const tasks = a.map((t, k) => ({ ...t, today_dependent: !b[k] || b[k].start !== t.start || b[k].end !== t.end || b[k].render_end !== t.render_end }));
    out.charts[name] = { ok: true, tasks };
  } catch (err) {
    out.charts[name] = { ok: false, error: String(err && err.message ? err.message : err).split('\n')[0].slice(0, 300) };
  }
}
writeFileSync(outFile, JSON.stringify(out, null, 1));
console.log(`${Object.keys(out.charts).length} charts -> ${outFile}`);
