// What the two oracle scripts share: the case names and how a name's parts
// join into one string.

// Ukrainian cases and the shevchenko function that declines into each.
export const UK_CASES = {
  nominative: 'inNominative',
  genitive: 'inGenitive',
  dative: 'inDative',
  accusative: 'inAccusative',
  ablative: 'inAblative',
  locative: 'inLocative',
  vocative: 'inVocative',
};

// Russian cases as petrovich names them.
export const RU_CASES = ['nominative', 'genitive', 'dative', 'accusative', 'instrumental', 'prepositional'];

// The non-empty parts of a name, space-separated.
export const join = (...parts) => parts.filter((p) => p).join(' ');
