#pragma once

// The temporal tagger's passes over expressions without a calendar place of their own: references
// to the present, past and future, recurrences and durations that name no number, and times written
// with a zone. Each proposes what it finds in the body to `out` (see TimeCandidates).
namespace gloss::extract::temporal {

class TimeCandidates;

// "now", "currently", "at present" (PRESENT_REF); "at the time", "in the past", "recently"
// (PAST_REF); "in the future" (FUTURE_REF).
void findReferences(TimeCandidates &out);
// "every morning" (XXXX-XX-XXTMO), "each summer" (XXXX-SU), "every Monday" (XXXX-WXX-1), "every two
// years" (P2Y), "annually" (P1Y), "twice a week" (P1W).
void findSets(TimeCandidates &out);
// "recent weeks" (PXW), "several months" (PXM), "the past few days", "within days", "for years";
// hyphenated "four-week" (P4W), "24-hour" (PT24H), not "five-year-old".
void findVagueDurations(TimeCandidates &out);
// "15:00 GMT Saturday", "1630 EST", "3 p.m. EDT": times with a zone, never years.
void findZonedTimes(TimeCandidates &out);

} // namespace gloss::extract::temporal
