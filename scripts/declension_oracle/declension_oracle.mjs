// Declension oracle for frontline's name morphology (see README.md here).
//
// Reads the people picked by pick_names.py and writes every case form of
// each name, as two independent libraries decline it:
//   - shevchenko (npm, Ukrainian): nominative … vocative, 7 cases;
//   - petrovich (npm, Russian): nominative … prepositional, 6 cases.
// Usage: node declension_oracle.mjs names.tsv out.tsv
// Output TSV: lang  case  gender  nominative  inflected  order
// where `order` is `gs` (given [patronymic] surname) or `sgp` (surname given
// patronymic, the official style). The Rust side (tests/eval/people.rs,
// FRONTLINE_DECLENSION_TSV) checks that person_key(inflected) equals
// person_key(nominative).
import fs from 'node:fs';
import * as shevchenko from 'shevchenko';
import petrovich from 'petrovich';
import { UK_CASES, RU_CASES, join } from './cases.mjs';

const [, , namesPath, outPath] = process.argv;
if (!namesPath || !outPath) {
  console.error('usage: node declension_oracle.mjs names.tsv out.tsv');
  process.exit(2);
}
const rows = [];
let skipped = 0;
for (const line of fs.readFileSync(namesPath, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const [, , ug, up, us, rg, rp, rs] = line.split('\t');
  const anthroponym = { givenName: ug, familyName: us, ...(up ? { patronymicName: up } : {}) };
  const gender = await shevchenko.detectGender(anthroponym);
  if (gender == null) {
    skipped++;
    continue;
  }
  const ukNom = join(ug, up, us);
  const ukOfficial = join(us, ug, up);
  for (const [name, fn] of Object.entries(UK_CASES)) {
    const o = await shevchenko[fn]({ ...anthroponym, gender });
    rows.push(['uk', name, gender, ukNom, join(o.givenName, o.patronymicName, o.familyName), 'gs']);
    if (up) {
      rows.push(['uk', name, gender, ukOfficial, join(o.familyName, o.givenName, o.patronymicName), 'sgp']);
    }
  }
  const pg = gender === 'feminine' ? 'female' : 'male';
  const person = { gender: pg, first: rg, last: rs, ...(rp ? { middle: rp } : {}) };
  const ruNom = join(rg, rp, rs);
  for (const c of RU_CASES) {
    const o = petrovich(person, c);
    rows.push(['ru', c, gender, ruNom, join(o.first, o.middle, o.last), 'gs']);
    if (rp) {
      rows.push(['ru', c, gender, join(rs, rg, rp), join(o.last, o.first, o.middle), 'sgp']);
    }
  }
}
fs.writeFileSync(outPath, rows.map((r) => r.join('\t')).join('\n') + '\n');
console.error(`${rows.length} forms written to ${outPath} (${skipped} people without a gender skipped)`);
