// Which of frontline's declension-oracle failures are forms the oracle
// itself gives for frontline's reading too (see README.md here).
//
// "Черновалові" is shevchenko's locative of Черновалов, and also its
// locative of Черновал; a reader that sees only the form cannot tell them
// apart. For every failure this script inflects the nominative frontline
// read (given name, patronymic, surname, from person_nominative) into the
// same case with the same library, in either gender, and counts the
// failures whose form comes out letter for letter: those are forms of two
// nominatives, and frontline's answer is one of them.
// Usage: node ambiguity.mjs readings.tsv TOTAL GOOD
// where readings.tsv is written by the eval test with
// FRONTLINE_DECLENSION_READINGS, and TOTAL and GOOD are the test's counts.
import fs from 'node:fs';
import * as shevchenko from 'shevchenko';
import petrovich from 'petrovich';
import { UK_CASES, join } from './cases.mjs';

const [, , path, totalArg, goodArg] = process.argv;
if (!path || !totalArg || !goodArg) {
  console.error('usage: node ambiguity.mjs readings.tsv TOTAL GOOD');
  process.exit(2);
}
const cap = (w) => (w ? w[0].toUpperCase() + w.slice(1) : w);
const same = (a, b) => a.toLowerCase().replaceAll('ё', 'е') === b.toLowerCase().replaceAll('ё', 'е');

// The form of frontline's reading in one gender, or null.
async function forms(lang, kase, order, g, p, s, genders) {
  const out = [];
  for (const gender of genders) {
    try {
      let o;
      if (lang === 'uk') {
        const a = { gender, givenName: g || undefined, patronymicName: p || undefined, familyName: s || undefined };
        const r = await shevchenko[UK_CASES[kase]](a);
        o = { g: r.givenName, p: r.patronymicName, s: r.familyName };
      } else {
        const person = { gender: gender === 'feminine' ? 'female' : 'male' };
        if (g) person.first = g;
        if (p) person.middle = p;
        if (s) person.last = s;
        const r = petrovich(person, kase);
        o = { g: r.first, p: r.middle, s: r.last };
      }
      out.push(order === 'sgp' ? join(o.s, o.g, o.p) : join(o.g, o.p, o.s));
    } catch {
      // a reading the library cannot decline (no surname, say)
    }
  }
  return out;
}

const total = Number(totalArg);
const good = Number(goodArg);
let failures = 0;
let shared = 0;
let sameNominative = 0;
let otherGender = 0;
const byCase = new Map();
const samples = [];
for (const line of fs.readFileSync(path, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const [lang, kase, gender, order, form, nom, g, p, s] = line.split('\t');
  failures++;
  // frontline read the oracle's own nominative, whose key is misread: a
  // failure of the key of the nominative, not of the form's reading.
  if (same(join(g, p, s), order === 'sgp' ? nom.split(' ').slice(1).concat(nom.split(' ')[0]).join(' ') : nom)) {
    sameNominative++;
    continue;
  }
  // The oracle row's own gender first; the other gender is counted apart
  // (a reading whose given name is of the other gender).
  const other = gender === 'masculine' ? 'feminine' : 'masculine';
  const inGender = (await forms(lang, kase, order, cap(g), cap(p), cap(s), [gender])).some((f) => same(f, form));
  const hit =
    inGender || (await forms(lang, kase, order, cap(g), cap(p), cap(s), [other])).some((f) => same(f, form));
  if (hit && !inGender) otherGender++;
  const k = `${lang} ${kase}`;
  const e = byCase.get(k) ?? [0, 0];
  e[0] += hit ? 1 : 0;
  e[1] += 1;
  byCase.set(k, e);
  if (hit) {
    shared++;
    if (samples.length < 12) samples.push(`  ${form}: ${nom} (oracle) and ${join(g, p, s)} (frontline)`);
  } else if (process.env.AMBIGUITY_OTHERS) {
    // The failures a reader of the form could avoid, one a line.
    console.log(`other: ${lang} ${kase} ${order}: ${form}: ${nom} (oracle), ${join(g, p, s)} (frontline)`);
  }
}
console.log(`failures read: ${failures}; frontline read the oracle's nominative, whose own key differs: ${sameNominative}`);
console.log(
  `forms the oracle also gives for frontline's (other) reading: ${shared} ` +
    `(${shared - otherGender} in the oracle row's gender, ${otherGender} only in the other gender)`,
);
// Every failure must be here: a failure frontline reads no nominative for
// is missing from readings.tsv and would make the shares below wrong.
if (failures !== total - good) {
  console.log(`WARNING: ${failures} failures read, but TOTAL - GOOD is ${total - good}`);
}
for (const [k, [h, t]] of [...byCase].sort()) console.log(`  ${k.padEnd(22)} ${h}/${t}`);
console.log('examples:');
console.log(samples.join('\n'));
console.log(
  `strict ${(good / total).toFixed(4)} (${good}/${total}); ` +
    `counting a form of two nominatives as read when frontline gives one of them: ` +
    `${((good + shared) / total).toFixed(4)} (${good + shared}/${total})`,
);
