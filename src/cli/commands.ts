/** Every `sma` command, loaded on demand. */
import { registerCommand } from './main.js';

registerCommand('agreements', 'list the SMAs and proposals in the record', () => import('./commands/agreements.js'));
registerCommand('show', 'one agreement or proposal: dates, amounts, rule, sources', () => import('./commands/show.js'));
registerCommand(
  'schedule',
  'yearly amounts and metrics of an agreement or a file',
  () => import('./commands/schedule.js'),
);
registerCommand('compare', 'agreements and proposals side by side', () => import('./commands/compare.js'));
registerCommand('validate', 'check an agreement file', () => import('./commands/validate.js'));
registerCommand('data', 'the record: indices, events, context', () => import('./commands/data.js'));
registerCommand(
  'packet',
  'a case packet for a class: briefs, scoring sheets, teaching note',
  () => import('./commands/packet.js'),
);
registerCommand('negotiate', 'one negotiation of a scenario, round by round', () => import('./commands/negotiate.js'));
registerCommand(
  'simulate',
  'Monte Carlo over a scenario: agreement rate, terms, delay, lapse',
  () => import('./commands/simulate.js'),
);
registerCommand(
  'worker',
  'take job chunks from the PostgreSQL queue (DATABASE_URL)',
  () => import('./commands/worker.js'),
);
registerCommand(
  'calibrate',
  'fit the talk model to historical talks (ABC-SMC)',
  () => import('./commands/calibrate.js'),
);
registerCommand(
  'backtest',
  'leave one talk out, fit on the others, score the forecast of the held-out talk',
  () => import('./commands/backtest.js'),
);
registerCommand(
  'forecast',
  'write a forecast scenario on parameters fitted to the historical talks',
  () => import('./commands/forecast.js'),
);
registerCommand(
  'solve',
  'bargaining closed forms and solutions (Rubinstein, Ståhl, Nash, KS, egalitarian)',
  () => import('./commands/solve.js'),
);
registerCommand(
  'domain',
  'standard negotiation domains (Genius, GeniusWeb, NegMAS): stats and conversion',
  () => import('./commands/domain.js'),
);
registerCommand(
  'users',
  "the server's local accounts: sma users add NAME [--role admin|member]",
  () => import('./commands/users.js'),
);
registerCommand(
  'tournament',
  'every pairing of negotiation strategies on standard domains, ranked',
  () => import('./commands/tournament.js'),
);
