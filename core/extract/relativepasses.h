#pragma once

// The temporal tagger's passes over expressions that mean a date only against the anchor, and over
// durations and times of day: each proposes what it finds in the body to `out` (see TimeCandidates).
namespace gloss::extract::temporal {

class TimeCandidates;

// "yesterday", "the day after tomorrow", "this week", "late last year", "two days ago", "in three weeks".
void findRelativeDates(TimeCandidates &out);
// "Thursday", "last Monday", "next Friday": the tense of the sentence decides a bare weekday.
void findWeekdays(TimeCandidates &out);
// "three months", "17 years" (not ages); "10 pm", "10:30 a.m.", "at 14:00", "at noon".
void findDurationsAndTimes(TimeCandidates &out);

} // namespace gloss::extract::temporal
