/** The report page's stylesheet, inlined so the page needs nothing else to be read. */
export const PAGE_STYLE = `
:root { --fail: #b2182b; --pass: #1a7f37; --ink: #1f2328; --muted: #656d76; --line: #d0d7de; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #f6f8fa; }
h1 { margin: 0 0 4px; font-size: 22px; }
header { margin-bottom: 16px; }
.summary { margin: 0 0 8px; font-weight: 600; }
.summary.fail, li.fail > a, .check.fail h2, article.fail h3 { color: var(--fail); }
.summary.pass, li.pass > a, .check.pass h2, article.pass h3 { color: var(--pass); }
.toc { margin: 0; padding-left: 20px; }
.toc a { text-decoration: none; }
.check { background: #fff; border: 1px solid var(--line); border-left: 5px solid var(--pass); border-radius: 6px; margin: 0 0 16px; padding: 8px 16px 12px; }
.check.fail { border-left-color: var(--fail); }
.check > details > summary { cursor: pointer; list-style: none; }
.check > details > summary::-webkit-details-marker { display: none; }
h2 { display: inline; font-size: 17px; margin: 0; }
.file { font-size: 12px; font-weight: 400; color: var(--muted); margin-left: 8px; }
.verdict { font-weight: 600; margin: 10px 0 2px; }
.plan { color: var(--muted); margin: 0 0 8px; }
table.parameters { border-collapse: collapse; margin: 4px 0 12px; font-variant-numeric: tabular-nums; }
table.parameters th, table.parameters td { padding: 2px 10px; border-bottom: 1px solid var(--line); text-align: left; }
table.parameters tr.fail td { color: var(--fail); font-weight: 600; }
article.parameter { border-top: 1px solid var(--line); padding-top: 8px; margin-top: 8px; }
h3 { font-size: 15px; margin: 4px 0; }
h4 { font-size: 13px; margin: 8px 0 4px; color: var(--muted); font-weight: 600; }
.shape { color: var(--muted); font-weight: 400; }
.diagnosis { margin: 4px 0 8px; padding: 6px 10px; background: #fff5f5; border-left: 3px solid var(--fail); font-weight: 600; max-width: 900px; }
.parameter-body { display: flex; flex-wrap: wrap; gap: 12px 40px; align-items: flex-start; }
.heatmaps { display: flex; flex-wrap: wrap; gap: 20px; align-items: flex-start; }
figure { margin: 0; }
figcaption { font-size: 12px; color: var(--muted); margin-bottom: 2px; }
.slices { display: flex; flex-wrap: wrap; gap: 8px; }
.slice-label { font-size: 11px; color: var(--muted); }
rect.cell { stroke: #c9ced4; stroke-width: 0.5; }
rect.cell.kink { stroke: #555; stroke-width: 1.5; stroke-dasharray: 3 2; }
rect.cell.fail { stroke: #000; stroke-width: 2.5; stroke-dasharray: none; }
rect.cell:hover { stroke: #f0b400; stroke-width: 3; }
text.axis { font-size: 10px; fill: var(--muted); text-anchor: middle; dominant-baseline: middle; }
text.axis.row { text-anchor: end; }
.scales { display: flex; gap: 20px; font-size: 11px; color: var(--muted); margin-top: 8px; }
.scale { display: flex; align-items: center; gap: 4px; }
.scale .bar { display: inline-block; width: 90px; height: 10px; border: 1px solid var(--line); }
details.passing > summary { cursor: pointer; color: var(--pass); margin: 10px 0 4px; font-weight: 600; }
.sweep-block h4 { margin-top: 0; }
figure.sweep-figure { max-width: 520px; }
svg.sweep { background: #fff; }
svg.sweep .grid { stroke: #eaeef2; stroke-width: 1; }
svg.sweep .tick { font-size: 10px; fill: var(--muted); text-anchor: middle; }
svg.sweep .tick.y { text-anchor: end; }
svg.sweep .axis-title { font-size: 11px; fill: var(--muted); text-anchor: middle; }
svg.sweep path { fill: none; stroke-linejoin: round; }
svg.sweep path.sweep-reference { stroke-dasharray: 5 4; }
svg.sweep line.step-used { stroke: #333; stroke-width: 1; stroke-dasharray: 2 3; }
svg.sweep .step-label { font-size: 10px; fill: #333; }
ul.legend { list-style: none; padding: 0; margin: 4px 0 0; font-size: 12px; color: var(--muted); }
ul.legend li { display: flex; align-items: center; gap: 6px; }
`;
