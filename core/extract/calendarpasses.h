#pragma once

// The temporal tagger's passes over dates written out: each proposes what it finds in the body to
// `out` (see TimeCandidates), resolving what is unwritten (a year, a day) against the anchor.
namespace gloss::extract::temporal {

class TimeCandidates;

// "2018-06-07", "2018-W23", "June 7-9", "7-9 June 2018", "(Monday,) June 7(, 2018)", "7th of June".
void findDates(TimeCandidates &out);
// "June 2018", and a bare month name a preposition or modifier makes a date ("in May", "last March").
void findMonths(TimeCandidates &out);
// Years that are not amounts ("in 2017", not "2017 troops"), decades ("the 1990s") and centuries.
void findYears(TimeCandidates &out);
// "the second quarter of 2018", "Q2 2018", "the third quarter" (of the anchor's year).
void findQuarters(TimeCandidates &out);

} // namespace gloss::extract::temporal
