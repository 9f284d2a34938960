#include "import/newsdate.h"

#include <QRegularExpression>

namespace gloss::import {

namespace {

int monthNumber(QStringView name)
{
    static const char *const months[]
        = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    const QString key = name.left(3).toString().toLower();
    for (int i = 0; i < 12; ++i)
        if (key == QLatin1StringView(months[i]))
            return i + 1;
    return 0;
}

// The pieces, assembled once. Month names in full or abbreviated (with an optional dot).
const QString Month = QStringLiteral(
    "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?");
const QString Weekday = QStringLiteral(
    "(?:(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|"
    "sun(?:day)?)\\.?,?\\s+)?");
const QString Prefix = QStringLiteral(
    "(?:((?:last\\s+)?updated|published|first\\s+published|posted|date|dated)(?:\\s+on)?\\s*[:\\-\u2013\u2014]?\\s*)?");
// A time after the date: "10:32 AM EDT", "at 4:05 p.m.", "| 14:20 IST", "14:20:00 +0000", "(GMT+5)".
const QString Time = QStringLiteral(
    "(?:\\s*(?:,|\\||at|-|\u2013|\u2014|\u00b7)?\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([ap])?\\.?(?:m\\.?)?"
    "(?:\\s*\\(?(?:[a-z]{1,5}(?:[+-]\\d{1,2}(?::?\\d{2})?)?|[+-]\\d{2}:?\\d{2})\\)?)?)?");
// ISO 8601 time and offset after a date: "T14:20:00+05:00", "T14:20Z", " 14:20:00".
const QString IsoTime
    = QStringLiteral("(?:[t ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(?:z|[+-]\\d{2}(?::?\\d{2})?)?)?");

struct Patterns
{
    QRegularExpression monthFirst{u"^" + Prefix + Weekday + Month
            + QStringLiteral("\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})") + Time + u"\\.?$",
        QRegularExpression::CaseInsensitiveOption};
    QRegularExpression dayFirst{u"^" + Prefix + Weekday + QStringLiteral("(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?")
            + Month + QStringLiteral(",?\\s+(\\d{4})") + Time + u"\\.?$",
        QRegularExpression::CaseInsensitiveOption};
    QRegularExpression iso{
        u"^" + Prefix + Weekday + QStringLiteral("(\\d{4})([-/.])(\\d{1,2})\\3(\\d{1,2})") + IsoTime + Time + u"$",
        QRegularExpression::CaseInsensitiveOption};
};

const Patterns &patterns()
{
    static const Patterns p;
    return p;
}

// Groups from hourGroup: hour, minute, second, and (when twelveHour) the a/p of AM/PM.
QTime timeOf(const QRegularExpressionMatch &m, int hourGroup, bool twelveHour)
{
    if (!m.hasCaptured(hourGroup))
        return {};
    int hour = m.captured(hourGroup).toInt();
    const int minute = m.captured(hourGroup + 1).toInt();
    const int second = m.hasCaptured(hourGroup + 2) ? m.captured(hourGroup + 2).toInt() : 0;
    if (twelveHour && m.hasCaptured(hourGroup + 3)) {
        const bool pm = m.captured(hourGroup + 3).compare(u"p", Qt::CaseInsensitive) == 0;
        if (hour < 1 || hour > 12)
            return {};
        hour = hour % 12 + (pm ? 12 : 0);
    }
    return QTime(hour, minute, second);
}

// Four digits in a row: every form read here has a year, and most lines of prose do not.
bool hasYear(const QString &text)
{
    int run = 0;
    for (const QChar c : text) {
        run = c.isDigit() ? run + 1 : 0;
        if (run == 4)
            return true;
    }
    return false;
}

} // namespace

NewsDate parseNewsDate(QStringView line)
{
    NewsDate result;
    line = line.trimmed();
    if (line.size() > 400)
        return result; // a paragraph, not a date line: not copied and simplified to be refused
    const QString text = line.toString().simplified();
    if (text.size() < 8 || text.size() > 80 || !hasYear(text))
        return result;
    const Patterns &p = patterns();
    // Groups: 1 = prefix word, then the date parts, then the time parts.
    if (const auto m = p.monthFirst.match(text); m.hasMatch()) {
        result.date = QDate(m.captured(4).toInt(), monthNumber(m.captured(2)), m.captured(3).toInt());
        result.time = timeOf(m, 5, true);
    } else if (const auto d = p.dayFirst.match(text); d.hasMatch()) {
        result.date = QDate(d.captured(4).toInt(), monthNumber(d.captured(3)), d.captured(2).toInt());
        result.time = timeOf(d, 5, true);
    } else if (const auto i = p.iso.match(text); i.hasMatch()) {
        result.date = QDate(i.captured(2).toInt(), i.captured(4).toInt(), i.captured(5).toInt());
        result.time = i.hasCaptured(6) ? timeOf(i, 6, false) : timeOf(i, 9, true);
    } else {
        return result;
    }
    if (!result.date.isValid())
        return {};
    result.updated
        = text.startsWith(u"updated", Qt::CaseInsensitive) || text.startsWith(u"last updated", Qt::CaseInsensitive);
    return result;
}

} // namespace gloss::import
