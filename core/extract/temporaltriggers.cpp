#include "extract/temporaltriggers.h"

#include <string_view>
#include <unordered_map>

namespace gloss::extract::temporal {

namespace {

const std::unordered_map<std::string_view, quint32> &words()
{
    static const std::unordered_map<std::string_view, quint32> table = [] {
        std::unordered_map<std::string_view, quint32> t;
        for (const char *w : {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                 "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                 "oct", "nov", "dec"})
            t[w] |= MonthName;
        for (const char *w : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
            t[w] |= WeekdayName;
        for (const char *w : {"today", "yesterday", "tomorrow", "tonight", "night", "this"})
            t[w] |= DayWord;
        for (const char *w : {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
                 "weekend", "month", "months", "year", "years", "decade", "decades", "century", "centuries", "quarter",
                 "night", "nights"})
            t[w] |= UnitWord;
        t["ago"] |= AgoWord;
        for (const char *w : {"quarter", "q1", "q2", "q3", "q4"})
            t[w] |= QuarterWord;
        t["century"] |= CenturyWord;
        for (const char *w : {"now", "currently", "nowadays", "presently", "present", "moment", "days"})
            t[w] |= PresentWord;
        for (const char *w : {"time", "past", "recently"})
            t[w] |= PastWord;
        t["future"] |= FutureWord;
        for (const char *w : {"every", "each", "annually", "yearly", "quarterly", "monthly", "weekly", "daily",
                 "nightly", "hourly", "once", "twice", "times"})
            t[w] |= SetWord;
        for (const char *w : {"noon", "midnight", "midday"})
            t[w] |= NoonWord;
        return t;
    }();
    return table;
}

bool isZone(std::string_view upper)
{
    for (const std::string_view z :
        {"GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "JST"})
        if (upper == z)
            return true;
    return false;
}

} // namespace

quint32 scanTriggers(const QString &body)
{
    const auto &table = words();
    quint32 found = 0;
    char lower[16];
    char upper[16];
    int length = 0; // letters and digits of the current word; longer than 15 is no trigger
    bool allUpper = true;
    auto endWord = [&] {
        if (length > 0 && length < 16) {
            if (const auto it = table.find(std::string_view(lower, size_t(length))); it != table.end())
                found |= it->second;
            // "EST", and "1630EST" written without a space.
            if (allUpper && length >= 3
                && (isZone(std::string_view(upper + length - 3, 3))
                    || (length >= 4 && isZone(std::string_view(upper + length - 4, 4)))))
                found |= ZoneWord;
        }
        length = 0;
        allUpper = true;
    };
    const QChar *s = body.constData();
    const qsizetype n = body.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = s[i].unicode();
        if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')) {
            if (c >= u'0' && c <= u'9') {
                found |= Digit;
                if (length == 0 && i > 0 && (s[i - 1] == u'\'' || s[i - 1] == u'\u2019'))
                    found |= Apostrophe;
            }
            if (length < 16) {
                const bool up = c >= u'A' && c <= u'Z';
                allUpper = allUpper && !(c >= u'a' && c <= u'z');
                upper[length] = char(c);
                lower[length] = char(up ? c + 32 : c);
            }
            ++length;
        } else if (length > 0) {
            endWord(); // any other character ends a word, as \\b does in the patterns
        }
    }
    endWord();
    return found;
}

} // namespace gloss::extract::temporal
