#include "extract/temporalanchor.h"

#include "extract/temporalvocabulary.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace gloss::extract::temporal {

bool isSentenceEnd(const QString &s, qsizetype i)
{
    const QChar c = s.at(i);
    if (c == u'\n')
        return true;
    if (c != u'.' && c != u'!' && c != u'?')
        return false;
    if (c == u'.') {
        // "Nov. 8", "Sept. 30": the full stop of a month's abbreviation ends no sentence.
        qsizetype w = i;
        while (w > 0 && i - w < 5 && s.at(w - 1).isLetter())
            --w;
        const qsizetype n = i - w;
        if ((n == 3 || n == 4) && s.at(w).isUpper() && (w == 0 || !s.at(w - 1).isLetter())) {
            static const QStringList abbreviations
                = {QStringLiteral("Jan"), QStringLiteral("Feb"), QStringLiteral("Mar"), QStringLiteral("Apr"),
                    QStringLiteral("Jun"), QStringLiteral("Jul"), QStringLiteral("Aug"), QStringLiteral("Sep"),
                    QStringLiteral("Sept"), QStringLiteral("Oct"), QStringLiteral("Nov"), QStringLiteral("Dec")};
            qsizetype j = i + 1;
            while (j < s.size() && s.at(j) == u' ')
                ++j;
            if (j < s.size() && s.at(j).isDigit() && abbreviations.contains(s.mid(w, n)))
                return false;
        }
    }
    qsizetype j = i + 1;
    while (j < s.size() && (s.at(j) == u'"' || s.at(j) == u'\u201d' || s.at(j) == u'\''))
        ++j;
    return j >= s.size() || s.at(j).isSpace();
}

namespace {

bool isClauseBreak(const QString &s, qsizetype i)
{
    const QChar c = s.at(i);
    if (c == u',')
        return !(i > 0 && i + 1 < s.size() && s.at(i - 1).isDigit() && s.at(i + 1).isDigit());
    return c == u';' || c == u':' || c == u'\u2014' || c == u'\u2013' || c == u'(' || c == u')' || c == u'"'
        || c == u'\u201c' || c == u'\u201d';
}

struct Word
{
    qsizetype start;
    QString text; // lower case
    bool capital;
};

// The tense a word signals, looking at its neighbours when needed; Unknown when none.
Tense cue(const QList<Word> &words, qsizetype i, bool presentIsFuture)
{
    const QString &w = words.at(i).text;
    const QString next = i + 1 < words.size() ? words.at(i + 1).text : QString();
    const QString prev = i > 0 ? words.at(i - 1).text : QString();
    if (isFutureCue(w) || w.endsWith(u"'ll"))
        return Tense::Future;
    if ((w == u"going" || w == u"set" || w == u"hopes" || w == u"aims" || w == u"intends") && next == u"to")
        return Tense::Future;
    if (w == u"to" && i + 1 < words.size()) {
        const Word &n = words.at(i + 1);
        const bool verbLike = !n.capital && !isDeterminer(n.text) && !n.text.front().isDigit()
            && !n.text.endsWith(u"ing") && !n.text.endsWith(u"ed")
            && !(n.text.endsWith(u's') && !n.text.endsWith(u"ss")) && !n.text.endsWith(u"ion")
            && !n.text.endsWith(u"ment");
        if (verbLike && prev != u"according" && prev != u"up" && prev != u"next" && prev != u"similar")
            return Tense::Future;
        return Tense::Unknown;
    }
    if (presentIsFuture && isPresentCue(w))
        return Tense::Future;
    if (w == u"has" || w == u"have") {
        if (next == u"been" || isPastParticipleLike(next) || isIrregularPast(next))
            return Tense::Past;
        return Tense::Unknown;
    }
    if (isIrregularPast(w) || isPastParticipleLike(w)) {
        // "would be extended", "is being held": the auxiliary decides, further out.
        if (prev == u"be" || prev == u"being" || prev == u"been" || prev == u"is" || prev == u"are")
            return Tense::Unknown;
        return Tense::Past;
    }
    return Tense::Unknown;
}

} // namespace

Tense tenseAround(const QString &body, qsizetype start, qsizetype end, bool presentIsFuture)
{
    // A sentence, but no more than a few hundred characters either side: a text without full stops
    // (a 50 MB line) would otherwise be read whole for each expression in it.
    constexpr qsizetype reach = 400;
    const qsizetype lowest = std::max<qsizetype>(0, start - reach);
    const qsizetype highest = std::min<qsizetype>(body.size(), end + reach);
    qsizetype sStart = start;
    while (sStart > lowest && !isSentenceEnd(body, sStart - 1))
        --sStart;
    qsizetype sEnd = end;
    while (sEnd < highest && !isSentenceEnd(body, sEnd))
        ++sEnd;
    qsizetype cStart = start;
    while (cStart > sStart && !isClauseBreak(body, cStart - 1))
        --cStart;
    qsizetype cEnd = end;
    while (cEnd < sEnd && !isClauseBreak(body, cEnd))
        ++cEnd;

    static const QRegularExpression wordRe(QStringLiteral("[\\w'\u2019]+"));
    QList<Word> words;
    qsizetype firstAfter = -1;
    auto it = wordRe.globalMatch(body.mid(sStart, sEnd - sStart));
    while (it.hasNext()) {
        const auto m = it.next();
        const qsizetype pos = sStart + m.capturedStart();
        QString text = m.captured().toLower();
        text.replace(u'\u2019', u'\'');
        if (pos >= start && pos < end)
            continue; // the expression itself
        if (pos >= end && firstAfter < 0)
            firstAfter = words.size();
        words.append({pos, text, m.captured().front().isUpper()});
    }
    if (firstAfter < 0)
        firstAfter = words.size();

    // Outside the expression's clause, a reporting verb ("…," she said) dates the speaking, not the event.
    auto scan = [&](qsizetype from, qsizetype to, int step, bool sentenceLevel = false) {
        for (qsizetype i = from; i != to; i += step) {
            if (sentenceLevel && isReportingWord(words.at(i).text))
                continue;
            const Tense t = cue(words, i, presentIsFuture);
            if (t != Tense::Unknown)
                return t;
        }
        return Tense::Unknown;
    };
    qsizetype clauseFirst = firstAfter;
    while (clauseFirst > 0 && words.at(clauseFirst - 1).start >= cStart)
        --clauseFirst;
    qsizetype clauseLast = firstAfter;
    while (clauseLast < words.size() && words.at(clauseLast).start < cEnd)
        ++clauseLast;
    Tense t = scan(firstAfter - 1, clauseFirst - 1, -1);
    if (t == Tense::Unknown)
        t = scan(firstAfter, clauseLast, 1);
    if (t == Tense::Unknown)
        t = scan(clauseFirst - 1, -1, -1, true);
    if (t == Tense::Unknown)
        t = scan(clauseLast, words.size(), 1, true);
    return t;
}

Tense tenseInContext(const QString &body, qsizetype start, qsizetype end, bool presentIsFuture)
{
    Tense t = tenseAround(body, start, end, presentIsFuture);
    // A sentence in the present ("Everybody is waiting for February") has a tense of its own: the
    // nearest instance, not the tense of the sentence before.
    if (t == Tense::Unknown && !presentIsFuture && tenseAround(body, start, end, true) != Tense::Unknown)
        return t;
    qsizetype from = start;
    for (int back = 0; back < 2 && t == Tense::Unknown; ++back) {
        constexpr qsizetype reach = 400;
        const qsizetype lowest = std::max<qsizetype>(0, from - reach);
        while (from > lowest && !isSentenceEnd(body, from - 1))
            --from;
        // Back over the sentence end to the previous sentence's last character.
        while (from > 0 && (isSentenceEnd(body, from - 1) || body.at(from - 1).isSpace()))
            --from;
        if (from <= lowest || from == 0)
            break;
        t = tenseAround(body, from - 1, from, presentIsFuture);
        --from;
    }
    return t;
}

QDate weekdayDate(
    const QString &body, qsizetype start, qsizetype end, int weekday, const QString &modifier, const QDate &anchor)
{
    const int a = anchor.dayOfWeek();
    const int back = a > weekday ? a - weekday : a - weekday + 7; // days back to the most recent before
    const int ahead = weekday > a ? weekday - a : weekday - a + 7; // days ahead to the next after
    int offset = 0;
    if (modifier == u"last" || modifier == u"past")
        offset = -back;
    else if (modifier == u"next" || modifier == u"coming")
        offset = ahead;
    else if (weekday == a)
        offset = 0;
    else
        offset = tenseAround(body, start, end, true) == Tense::Future ? ahead : -back;
    return anchor.addDays(offset);
}

QString partOfDayCode(const QString &word)
{
    const QString w = word.toLower();
    if (w == u"morning")
        return QStringLiteral("MO");
    if (w == u"afternoon")
        return QStringLiteral("AF");
    if (w == u"evening")
        return QStringLiteral("EV");
    if (w == u"night")
        return QStringLiteral("NI");
    return {};
}

QDate monthDay(int month, int day, int year, const QDate &anchor)
{
    if (year > 0)
        return QDate(year, month, day);
    if (!anchor.isValid())
        return {}; // no year written and none to guess it from (found by fuzzing: "June 7-9")
    QDate best;
    for (int y = anchor.year() - 1; y <= anchor.year() + 1; ++y) {
        const QDate d(y, month, day);
        if (d.isValid() && (!best.isValid() || std::abs(d.daysTo(anchor)) < std::abs(best.daysTo(anchor))))
            best = d;
    }
    return best;
}

int monthYear(int month, Tense tense, const QDate &anchor)
{
    const int a = anchor.month();
    const int y = anchor.year();
    if (tense == Tense::Past)
        return month <= a ? y : y - 1;
    if (tense == Tense::Future)
        return month >= a ? y : y + 1;
    const int back = month <= a ? a - month : a + 12 - month;
    const int ahead = month >= a ? month - a : month + 12 - a;
    return back <= ahead ? (month <= a ? y : y - 1) : (month >= a ? y : y + 1);
}

} // namespace gloss::extract::temporal
