// Parses per second of parseGermanDate on typical strings, against luxon's own German
// parsing (DateTime.fromFormat with locale 'de' and the right format for each string,
// i.e. the best case for luxon) and Date.parse on ISO strings, in the same run.
import { DateTime } from 'luxon';
import { findGermanDate, parseGermanDate } from '../dist/index.js';

/** [text, luxon format that parses it] – what WordPress de_DE themes print. */
const TYPICAL = [
  ['Donnerstag, 03.05.2012', 'EEEE, dd.MM.yyyy'],
  ['3. Mai 2012 um 21:15', "d. MMMM yyyy 'um' H:mm"],
  ['03.05.2012 um 21:15 Uhr', "dd.MM.yyyy 'um' H:mm 'Uhr'"],
  ['3. Mai 2012', 'd. MMMM yyyy'],
  ['12. Dezember 2011 um 9:05', "d. MMMM yyyy 'um' H:mm"],
  ['3.5.2012', 'd.M.yyyy'],
  ['Mai 3, 2012', 'MMMM d, yyyy'],
  ['Do, 3. Mai 2012', 'EEE, d. MMMM yyyy'],
];
const ISO = ['2012-05-03T21:15:00+02:00', '2011-12-12T09:05:00+01:00', '2012-05-03T19:15:00Z', '2010-01-31T23:59:59+01:00'];
const FREE = 'Max sagte am 3. Mai 2012 um 21:15 : Toller Artikel, danke! Antworten';

function rate(label, strings, fn, ms = 1000) {
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += fn(strings[i % strings.length]) ? 1 : 0; // warm-up
  let n = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    for (let i = 0; i < 1000; i++, n++) sink += fn(strings[n % strings.length]) ? 1 : 0;
    t = performance.now();
  }
  const cu = process.cpuUsage(c0);
  const perSec = Math.round((n / (t - t0)) * 1000);
  const perCpuSec = Math.round((n / ((cu.user + cu.system) / 1000)) * 1000);
  return { label, 'parses/s (wall)': perSec.toLocaleString('en-US'), 'parses/CPU-s': perCpuSec.toLocaleString('en-US'), ok: `${Math.round((sink / (n + 20_000)) * 100)}%`, _raw: perCpuSec, _wall: perSec };
}

const texts = TYPICAL.map(([s]) => s);
const rows = [
  rate('parseGermanDate, typical German strings', texts, (s) => parseGermanDate(s)),
  rate('baseline: luxon fromFormat(de), format known per string', TYPICAL, ([s, f]) => DateTime.fromFormat(s, f, { locale: 'de', zone: 'Europe/Berlin' }).isValid),
  rate('parseGermanDate, ISO 8601', ISO, (s) => parseGermanDate(s)),
  rate('baseline: Date.parse, ISO 8601', ISO, (s) => !Number.isNaN(Date.parse(s))),
  rate('findGermanDate, comment header line', [FREE], (s) => findGermanDate(s)),
];
console.table(rows.map(({ _raw, _wall, ...r }) => r));
const goal = 200_000;
const typical = rows[0]._raw;
console.log(`goal: > ${goal.toLocaleString('en-US')} parses/s for typical strings: per CPU-second ${typical >= goal ? 'met' : 'NOT met'} (${typical.toLocaleString('en-US')}), wall ${rows[0]._wall >= goal ? 'met' : 'NOT met'} (${rows[0]._wall.toLocaleString('en-US')}; wall counts waiting for a core on a shared machine); node ${process.version}`);
