import { readFileSync } from 'node:fs';
import { parseScenarioFile } from './src/io/scenario-file.js';
import { runScenarioChunk } from './src/engine/negotiation/scenario.js';
import { reportSummary, histogramQuantile } from './src/engine/negotiation/monte-carlo.js';
const f = process.argv[2]!;
const r = parseScenarioFile(readFileSync(f), f);
if (!r.ok) { for (const e of r.error) console.log(e.message); process.exit(1); }
const t0 = performance.now();
const n = Number(process.argv[3] ?? 1000);
const s = runScenarioChunk(r.value, 1, 0, n);
const rep = reportSummary(s.summary);
console.log((performance.now() - t0).toFixed(0), 'ms', rep.agreementRate, rep.reasons, rep.ratificationFailures);
console.log('fyc', [0.05,0.25,0.5,0.75,0.95].map(q=>histogramQuantile(s.firstYearChange,q)));
console.log('months', [0.05,0.5,0.95].map(q=>histogramQuantile(s.monthsToAgreement,q)), 'near', s.nearRealChange, s.nearRealDate, s.nearRealBoth);
console.log(rep.quantities);
