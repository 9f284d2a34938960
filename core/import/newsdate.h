#pragma once

#include <QDate>
#include <QString>
#include <QTime>

namespace gloss::import {

// A date line as newspapers and their web pages print it in headers and metadata:
// "June 09, 2018", "9 June 2018", "Sat, 9 Jun 2018", "2018-06-09", "June 9, 2018 10:32 AM EDT",
// "Updated: September 5, 2018", "Tuesday September 26, 2023", "2018-08-18T14:20:00+05:00",
// "Sat, 09 Jun 2018 14:20:00 +0000". Only whole lines are read: a date inside a sentence is the
// temporal tagger's business, not this parser's.
struct NewsDate
{
    QDate date; // as written, in the publication's own time zone
    QTime time; // invalid when the line gives none
    bool updated = false; // the line said "Updated"
    bool isValid() const { return date.isValid(); }
};

// Parses a whole line (surrounding spaces ignored). Invalid result when the line is anything
// more than a date, an optional weekday, an optional time and zone, and an optional
// "Updated:"/"Published:" prefix.
NewsDate parseNewsDate(QStringView line);

} // namespace gloss::import
