#include "extract/temporaltagger.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace gloss::extract {

namespace {

// ---- Vocabulary --------------------------------------------------------------------------------

const QString MonthFull
    = QStringLiteral("January|February|March|April|May|June|July|August|September|October|November|December");
const QString MonthAny
    = QStringLiteral("January|February|March|April|May|June|July|August|September|October|November|"
                     "December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|"
                     "Oct\\.?|Nov\\.?|Dec\\.?");
const QString Weekday = QStringLiteral("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday");
// A cardinal number in digits or words, up to the ninety-nines.
const QString Number = QStringLiteral(
    "\\d{1,3}(?:,\\d{3})+|\\d+|(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- "
    "](?:one|two|three|four|"
    "five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|"
    "three|four|five|six|seven|eight|nine|ten)");

int monthNumber(QStringView name)
{
    static const QStringList names
        = {QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"), QStringLiteral("apr"),
            QStringLiteral("may"), QStringLiteral("jun"), QStringLiteral("jul"), QStringLiteral("aug"),
            QStringLiteral("sep"), QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec")};
    const QString key = name.left(3).toString().toLower();
    return int(names.indexOf(key)) + 1;
}

int weekdayNumber(QStringView name)
{
    static const QStringList names = {QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"),
        QStringLiteral("thu"), QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")};
    return int(names.indexOf(name.left(3).toString().toLower())) + 1;
}

int numberValue(const QString &text)
{
    static const QHash<QString, int> words = {
        {QStringLiteral("a"), 1},
        {QStringLiteral("an"), 1},
        {QStringLiteral("one"), 1},
        {QStringLiteral("two"), 2},
        {QStringLiteral("three"), 3},
        {QStringLiteral("four"), 4},
        {QStringLiteral("five"), 5},
        {QStringLiteral("six"), 6},
        {QStringLiteral("seven"), 7},
        {QStringLiteral("eight"), 8},
        {QStringLiteral("nine"), 9},
        {QStringLiteral("ten"), 10},
        {QStringLiteral("eleven"), 11},
        {QStringLiteral("twelve"), 12},
        {QStringLiteral("thirteen"), 13},
        {QStringLiteral("fourteen"), 14},
        {QStringLiteral("fifteen"), 15},
        {QStringLiteral("sixteen"), 16},
        {QStringLiteral("seventeen"), 17},
        {QStringLiteral("eighteen"), 18},
        {QStringLiteral("nineteen"), 19},
        {QStringLiteral("twenty"), 20},
        {QStringLiteral("thirty"), 30},
        {QStringLiteral("forty"), 40},
        {QStringLiteral("fifty"), 50},
        {QStringLiteral("sixty"), 60},
        {QStringLiteral("seventy"), 70},
        {QStringLiteral("eighty"), 80},
        {QStringLiteral("ninety"), 90},
    };
    QString t = text.toLower();
    t.remove(u',');
    bool ok = false;
    const int n = t.toInt(&ok);
    if (ok)
        return n;
    int total = 0;
    for (const QString &part : t.split(QRegularExpression(QStringLiteral("[- ]")), Qt::SkipEmptyParts))
        total += words.value(part);
    return total;
}

QString pad(int n, int width)
{
    return QStringLiteral("%1").arg(n, width, 10, QChar(u'0'));
}

QString dayValue(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

QString weekValue(const QDate &d)
{
    int year = 0;
    const int week = d.weekNumber(&year);
    return pad(year, 4) + u"-W" + pad(week, 2);
}

QString monthValue(int year, int month)
{
    return pad(year, 4) + u'-' + pad(month, 2);
}

QDate mondayOf(const QDate &d)
{
    return d.addDays(1 - d.dayOfWeek());
}

// ---- Tense of the sentence around an expression -----------------------------------------------

enum class Tense { Unknown, Past, Future };

bool isSentenceEnd(const QString &s, qsizetype i)
{
    const QChar c = s.at(i);
    if (c == u'\n')
        return true;
    if (c != u'.' && c != u'!' && c != u'?')
        return false;
    qsizetype j = i + 1;
    while (j < s.size() && (s.at(j) == u'"' || s.at(j) == u'\u201d' || s.at(j) == u'\''))
        ++j;
    return j >= s.size() || s.at(j).isSpace();
}

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

bool isDeterminer(const QString &w)
{
    static const QStringList list = {
        QStringLiteral("the"),
        QStringLiteral("a"),
        QStringLiteral("an"),
        QStringLiteral("this"),
        QStringLiteral("that"),
        QStringLiteral("these"),
        QStringLiteral("those"),
        QStringLiteral("his"),
        QStringLiteral("her"),
        QStringLiteral("its"),
        QStringLiteral("their"),
        QStringLiteral("our"),
        QStringLiteral("my"),
        QStringLiteral("your"),
        QStringLiteral("him"),
        QStringLiteral("them"),
        QStringLiteral("us"),
        QStringLiteral("me"),
        QStringLiteral("it"),
        QStringLiteral("all"),
        QStringLiteral("some"),
        QStringLiteral("any"),
        QStringLiteral("each"),
        QStringLiteral("every"),
        QStringLiteral("more"),
        QStringLiteral("most"),
        QStringLiteral("many"),
        QStringLiteral("date"),
        QStringLiteral("power"),
        QStringLiteral("office"),
        QStringLiteral("war"),
        QStringLiteral("about"),
    };
    return list.contains(w);
}

bool isIrregularPast(const QString &w)
{
    static const QStringList list = {
        QStringLiteral("was"),
        QStringLiteral("were"),
        QStringLiteral("had"),
        QStringLiteral("did"),
        QStringLiteral("said"),
        QStringLiteral("told"),
        QStringLiteral("met"),
        QStringLiteral("took"),
        QStringLiteral("came"),
        QStringLiteral("went"),
        QStringLiteral("made"),
        QStringLiteral("gave"),
        QStringLiteral("began"),
        QStringLiteral("held"),
        QStringLiteral("left"),
        QStringLiteral("spoke"),
        QStringLiteral("wrote"),
        QStringLiteral("saw"),
        QStringLiteral("found"),
        QStringLiteral("won"),
        QStringLiteral("lost"),
        QStringLiteral("fell"),
        QStringLiteral("rose"),
        QStringLiteral("sent"),
        QStringLiteral("brought"),
        QStringLiteral("thought"),
        QStringLiteral("knew"),
        QStringLiteral("got"),
        QStringLiteral("led"),
        QStringLiteral("paid"),
        QStringLiteral("shut"),
        QStringLiteral("struck"),
        QStringLiteral("fought"),
        QStringLiteral("flew"),
        QStringLiteral("grew"),
        QStringLiteral("drew"),
        QStringLiteral("ran"),
        QStringLiteral("sat"),
        QStringLiteral("stood"),
        QStringLiteral("swept"),
        QStringLiteral("kept"),
        QStringLiteral("became"),
        QStringLiteral("broke"),
        QStringLiteral("chose"),
        QStringLiteral("ago"),
        QStringLiteral("felt"),
        QStringLiteral("heard"),
        QStringLiteral("built"),
        QStringLiteral("sold"),
        QStringLiteral("bought"),
        QStringLiteral("taught"),
        QStringLiteral("wore"),
        QStringLiteral("killed"),
        QStringLiteral("last"),
        QStringLiteral("earlier"),
    };
    return list.contains(w);
}

bool isPastParticipleLike(const QString &w)
{
    static const QStringList notVerbs = {QStringLiteral("need"), QStringLiteral("speed"), QStringLiteral("hundred"),
        QStringLiteral("indeed"), QStringLiteral("proceed"), QStringLiteral("succeed"), QStringLiteral("exceed"),
        QStringLiteral("united"), QStringLiteral("limited"), QStringLiteral("expected"), QStringLiteral("scheduled"),
        QStringLiteral("planned"), QStringLiteral("related"), QStringLiteral("based"), QStringLiteral("armed"),
        QStringLiteral("led"), QStringLiteral("proposed")};
    return w.size() >= 5 && w.endsWith(u"ed") && !notVerbs.contains(w);
}

// The tense a word signals, looking at its neighbours when needed; Unknown when none.
Tense cue(const QList<Word> &words, qsizetype i, bool presentIsFuture)
{
    const QString &w = words.at(i).text;
    const QString next = i + 1 < words.size() ? words.at(i + 1).text : QString();
    const QString prev = i > 0 ? words.at(i - 1).text : QString();
    static const QStringList future = {
        QStringLiteral("will"),
        QStringLiteral("would"),
        QStringLiteral("shall"),
        QStringLiteral("won't"),
        QStringLiteral("due"),
        QStringLiteral("expected"),
        QStringLiteral("expects"),
        QStringLiteral("expect"),
        QStringLiteral("expecting"),
        QStringLiteral("scheduled"),
        QStringLiteral("plans"),
        QStringLiteral("plan"),
        QStringLiteral("planning"),
        QStringLiteral("planned"),
        QStringLiteral("forecast"),
        QStringLiteral("forecasts"),
        QStringLiteral("upcoming"),
        QStringLiteral("next"),
        QStringLiteral("tomorrow"),
        QStringLiteral("later"),
        QStringLiteral("coming"),
        QStringLiteral("proposed"),
    };
    static const QStringList present = {
        QStringLiteral("is"),
        QStringLiteral("are"),
        QStringLiteral("runs"),
        QStringLiteral("begins"),
        QStringLiteral("starts"),
        QStringLiteral("ends"),
        QStringLiteral("opens"),
        QStringLiteral("closes"),
        QStringLiteral("expires"),
        QStringLiteral("takes"),
        QStringLiteral("meets"),
        QStringLiteral("arrives"),
        QStringLiteral("leaves"),
        QStringLiteral("returns"),
        QStringLiteral("resumes"),
    };
    if (future.contains(w) || w.endsWith(u"'ll"))
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
    if (presentIsFuture && present.contains(w))
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

// The tense around [start, end): the nearest cue before it in its clause, then after it in its
// clause, then before it in the sentence, then after.
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
    static const QStringList reporting = {QStringLiteral("said"), QStringLiteral("says"), QStringLiteral("told"),
        QStringLiteral("added"), QStringLiteral("according")};
    auto scan = [&](qsizetype from, qsizetype to, int step, bool sentenceLevel = false) {
        for (qsizetype i = from; i != to; i += step) {
            if (sentenceLevel && reporting.contains(words.at(i).text))
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

// ---- Candidates -----------------------------------------------------------------------------

struct Candidate
{
    TimeExpression expr;
    int hour = -1; // times of day: resolved against the nearest day in a second pass
    int minute = 0;
};

class Tagger
{
public:
    Tagger(const QString &body, const QDate &anchor)
        : m_body(body)
        , m_anchor(anchor)
    { }

    QList<TimeExpression> run();

private:
    void add(qsizetype start, qsizetype end, const QString &value, Granularity g, QDate from, QDate to);
    void addDay(qsizetype start, qsizetype end, const QDate &d)
    {
        add(start, end, dayValue(d), Granularity::Day, d, d);
    }
    void addWeek(qsizetype start, qsizetype end, const QDate &d)
    {
        add(start, end, weekValue(d), Granularity::Week, mondayOf(d), mondayOf(d).addDays(6));
    }
    void addMonth(qsizetype start, qsizetype end, int year, int month)
    {
        const QDate first(year, month, 1);
        add(start, end, monthValue(year, month), Granularity::Month, first, first.addMonths(1).addDays(-1));
    }
    void addYear(qsizetype start, qsizetype end, int year)
    {
        add(start, end, pad(year, 4), Granularity::Year, QDate(year, 1, 1), QDate(year, 12, 31));
    }
    void addQuarter(qsizetype start, qsizetype end, int year, int quarter)
    {
        const QDate first(year, 3 * (quarter - 1) + 1, 1);
        add(start, end, pad(year, 4) + u"-Q" + QString::number(quarter), Granularity::Quarter, first,
            first.addMonths(3).addDays(-1));
    }
    void addDecade(qsizetype start, qsizetype end, int decadeStart)
    {
        add(start, end, pad(decadeStart / 10, 3) + u'X', Granularity::Decade, QDate(decadeStart, 1, 1),
            QDate(decadeStart + 9, 12, 31));
    }
    void addDuration(qsizetype start, qsizetype end, int n, const QString &unit);

    QString wordBefore(qsizetype pos, int skip = 0) const;
    QString textAfter(qsizetype pos, qsizetype length) const { return m_body.mid(pos, length); }
    QDate monthDay(int month, int day, int year) const;
    int resolveMonthYear(int month, Tense tense) const;

    void absoluteDates();
    void monthsAndYears();
    void relative();
    void weekdays();
    void durationsAndTimes();

    const QString &m_body;
    const QDate m_anchor;
    QList<Candidate> m_candidates;
};

void Tagger::add(qsizetype start, qsizetype end, const QString &value, Granularity g, QDate from, QDate to)
{
    Candidate c;
    c.expr.start = start;
    c.expr.end = end;
    c.expr.text = m_body.mid(start, end - start);
    c.expr.value = value;
    c.expr.granularity = g;
    c.expr.rangeStart = from;
    c.expr.rangeEnd = to;
    m_candidates.append(c);
}

void Tagger::addDuration(qsizetype start, qsizetype end, int n, const QString &unit)
{
    const QString u = unit.toLower();
    QString value;
    if (u.startsWith(u"second"))
        value = QStringLiteral("PT%1S").arg(n);
    else if (u.startsWith(u"minute"))
        value = QStringLiteral("PT%1M").arg(n);
    else if (u.startsWith(u"hour"))
        value = QStringLiteral("PT%1H").arg(n);
    else if (u.startsWith(u"day"))
        value = QStringLiteral("P%1D").arg(n);
    else if (u.startsWith(u"week"))
        value = QStringLiteral("P%1W").arg(n);
    else if (u.startsWith(u"month"))
        value = QStringLiteral("P%1M").arg(n);
    else if (u.startsWith(u"year"))
        value = QStringLiteral("P%1Y").arg(n);
    else if (u.startsWith(u"decade"))
        value = QStringLiteral("P%1Y").arg(n * 10);
    else
        value = QStringLiteral("P%1Y").arg(n * 100);
    add(start, end, value, Granularity::Duration, {}, {});
}

// The lower-case word before `pos` (skipping `skip` words), without punctuation.
QString Tagger::wordBefore(qsizetype pos, int skip) const
{
    qsizetype i = pos;
    for (int k = 0; k <= skip; ++k) {
        while (i > 0 && !m_body.at(i - 1).isLetterOrNumber())
            --i;
        const qsizetype wordEnd = i;
        while (i > 0 && (m_body.at(i - 1).isLetterOrNumber() || m_body.at(i - 1) == u'-'))
            --i;
        if (k == skip)
            return m_body.mid(i, wordEnd - i).toLower();
    }
    return {};
}

// A day of a month with no year: the instance nearest the anchor.
QDate Tagger::monthDay(int month, int day, int year) const
{
    if (year > 0)
        return QDate(year, month, day);
    if (!m_anchor.isValid())
        return {}; // no year written and none to guess it from (found by fuzzing: "June 7-9")
    QDate best;
    for (int y = m_anchor.year() - 1; y <= m_anchor.year() + 1; ++y) {
        const QDate d(y, month, day);
        if (d.isValid() && (!best.isValid() || std::abs(d.daysTo(m_anchor)) < std::abs(best.daysTo(m_anchor))))
            best = d;
    }
    return best;
}

// The year of a bare month name: the most recent such month not after the anchor in a past
// context, the next not before it in a future one, else the nearest.
int Tagger::resolveMonthYear(int month, Tense tense) const
{
    const int a = m_anchor.month();
    const int y = m_anchor.year();
    if (tense == Tense::Past)
        return month <= a ? y : y - 1;
    if (tense == Tense::Future)
        return month >= a ? y : y + 1;
    const int back = month <= a ? a - month : a + 12 - month;
    const int ahead = month >= a ? month - a : month + 12 - a;
    return back <= ahead ? (month <= a ? y : y - 1) : (month >= a ? y : y + 1);
}

void Tagger::absoluteDates()
{
    static const QRegularExpression iso(QStringLiteral("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b"));
    for (auto it = iso.globalMatch(m_body); it.hasNext();) {
        const auto m = it.next();
        const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        if (d.isValid())
            addDay(m.capturedStart(), m.capturedEnd(), d);
    }
    static const QRegularExpression isoWeek(QStringLiteral("\\b(\\d{4})-W(\\d{2})\\b"));
    for (auto it = isoWeek.globalMatch(m_body); it.hasNext();) {
        const auto m = it.next();
        QDate d = QDate(m.captured(1).toInt(), 1, 4); // 4 January is always in week 1
        d = mondayOf(d).addDays(7 * (m.captured(2).toInt() - 1));
        if (d.isValid() && m.captured(2).toInt() >= 1 && m.captured(2).toInt() <= 53)
            addWeek(m.capturedStart(), m.capturedEnd(), d);
    }

    // "June 7-9", "7-9 June", with an optional year: one interval of days.
    static const QRegularExpression rangeMd(
        QStringLiteral("\\b(%1)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*[-\u2013]\\s*(\\d{1,2})"
                       "(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?")
            .arg(MonthAny));
    static const QRegularExpression rangeDm(
        QStringLiteral("\\b(\\d{1,2})\\s*[-\u2013]\\s*(\\d{1,2})\\s+(%1)(?!\\w)(?:,?\\s+(\\d{4})\\b)?").arg(MonthAny));
    auto addRange = [this](qsizetype s, qsizetype e, int month, int d1, int d2, int year) {
        const QDate from = monthDay(month, d1, year);
        if (!from.isValid())
            return;
        const QDate to(from.year(), month, d2);
        if (!to.isValid() || to < from)
            return;
        add(s, e, dayValue(from) + u'/' + dayValue(to), Granularity::Day, from, to);
    };
    for (auto it = rangeMd.globalMatch(m_body); it.hasNext();) {
        const auto m = it.next();
        addRange(m.capturedStart(), m.capturedEnd(), monthNumber(m.capturedView(1)), m.captured(2).toInt(),
            m.captured(3).toInt(), m.captured(4).toInt());
    }
    for (auto it = rangeDm.globalMatch(m_body); it.hasNext();) {
        const auto m = it.next();
        addRange(m.capturedStart(), m.capturedEnd(), monthNumber(m.capturedView(3)), m.captured(1).toInt(),
            m.captured(2).toInt(), m.captured(4).toInt());
    }

    // "(Monday,) June 7(th)(, 2018)" and "(Monday) 7(th) (of) June (2018)".
    static const QRegularExpression md(
        QStringLiteral("\\b(?:(?:%1),?\\s+)?(%2)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*[-\u2013]\\s*\\d)"
                       "(?:,?\\s+(\\d{4})\\b)?")
            .arg(Weekday, MonthAny));
    static const QRegularExpression dm(
        QStringLiteral("\\b(?:(?:%1),?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(%2)(?!\\w)(?:,?\\s+(\\d{4})\\b)?")
            .arg(Weekday, MonthAny));
    auto addDate = [this](qsizetype s, qsizetype e, int month, int day, int year) {
        QDate d;
        // The attacks of 11 September 2001 are named by their date alone.
        if (month == 9 && day == 11 && year == 0
            && (m_body.mid(std::max<qsizetype>(0, s - 11), 11).contains(QStringLiteral("attacks of"))
                || m_body.mid(e, 9).startsWith(QStringLiteral(" attacks"))))
            d = QDate(2001, 9, 11);
        else if (year > 0 || m_anchor.isValid())
            d = monthDay(month, day, year);
        if (d.isValid())
            addDay(s, e, d);
    };
    for (auto it = md.globalMatch(m_body); it.hasNext();) {
        const auto m = it.next();
        addDate(m.capturedStart(), m.capturedEnd(), monthNumber(m.capturedView(1)), m.captured(2).toInt(),
            m.captured(3).toInt());
    }
    for (auto it = dm.globalMatch(m_body); it.hasNext();) {
        const auto m = it.next();
        addDate(m.capturedStart(), m.capturedEnd(), monthNumber(m.capturedView(2)), m.captured(1).toInt(),
            m.captured(3).toInt());
    }
}

void Tagger::monthsAndYears()
{
    // "June 2018", "June of 2018".
    static const QRegularExpression my(QStringLiteral("\\b(%1)(?:\\s+of)?,?\\s+(\\d{4})\\b").arg(MonthAny));
    for (auto it = my.globalMatch(m_body); it.hasNext();) {
        const auto m = it.next();
        addMonth(m.capturedStart(), m.capturedEnd(), m.captured(2).toInt(), monthNumber(m.capturedView(1)));
    }

    // A bare month name, when a preposition or a modifier says it is one ("in May", not "May").
    if (m_anchor.isValid()) {
        static const QRegularExpression month(
            QStringLiteral("\\b(?:((?i:last|next|this|early|late|mid))(?:\\s+|-))?(%1)\\b(?!\\s+\\d)").arg(MonthFull));
        static const QStringList prepositions = {
            QStringLiteral("in"),
            QStringLiteral("since"),
            QStringLiteral("of"),
            QStringLiteral("by"),
            QStringLiteral("until"),
            QStringLiteral("till"),
            QStringLiteral("from"),
            QStringLiteral("for"),
            QStringLiteral("to"),
            QStringLiteral("through"),
            QStringLiteral("during"),
            QStringLiteral("before"),
            QStringLiteral("after"),
            QStringLiteral("between"),
            QStringLiteral("and"),
            QStringLiteral("or"),
            QStringLiteral("around"),
            QStringLiteral("throughout"),
            QStringLiteral("into"),
            QStringLiteral("last"),
        };
        for (auto it = month.globalMatch(m_body); it.hasNext();) {
            const auto m = it.next();
            const int mon = monthNumber(m.capturedView(2));
            const QString modifier = m.captured(1).toLower();
            const QString before = wordBefore(m.capturedStart());
            if (modifier.isEmpty()) {
                if (!prepositions.contains(before))
                    continue;
                if (before == u"to" && (mon == 3 || mon == 5))
                    continue; // "to March", "to May": a verb
            }
            int year = 0;
            if (modifier == u"last")
                year = mon < m_anchor.month() ? m_anchor.year() : m_anchor.year() - 1;
            else if (modifier == u"next")
                year = mon > m_anchor.month() ? m_anchor.year() : m_anchor.year() + 1;
            else if (modifier == u"this")
                year = m_anchor.year();
            else if (before == u"since" || (before == u"in" && wordBefore(m.capturedStart(), 1) == u"back"))
                year = resolveMonthYear(mon, Tense::Past);
            else if (before == u"of" && !modifier.isEmpty())
                year = resolveMonthYear(mon, tenseAround(m_body, m.capturedStart(), m.capturedEnd(), false));
            else if (before == u"of")
                year = resolveMonthYear(mon, Tense::Past); // "the floods of March": an event that happened
            else
                year = resolveMonthYear(mon, tenseAround(m_body, m.capturedStart(), m.capturedEnd(), false));
            addMonth(m.capturedStart(), m.capturedEnd(), year, mon);
        }
    }

    // Years: four digits that are not an amount, a measure or part of a longer number.
    static const QRegularExpression year(QStringLiteral(
        "(?<![\\d$\u20ac\u00a3.,/-])\\b(1[5-9]\\d\\d|20\\d\\d)\\b(?![.,/]?\\d|%|-\\d|\\s*(?:percent|per cent))"));
    static const QStringList notYearBefore = {QStringLiteral("about"), QStringLiteral("some"), QStringLiteral("nearly"),
        QStringLiteral("almost"), QStringLiteral("around"), QStringLiteral("than"), QStringLiteral("approximately"),
        QStringLiteral("no"), QStringLiteral("number")};
    for (auto it = year.globalMatch(m_body); it.hasNext();) {
        const auto m = it.next();
        if (notYearBefore.contains(wordBefore(m.capturedStart())))
            continue;
        static const QRegularExpression unitAfter(
            QStringLiteral("^\\s+(?:people|troops|soldiers|km|kilometres|kilometers|"
                           "metres|meters|miles|tonnes|tons|units|votes|jobs|"
                           "millimetres|dollars|euros|members|users|cases)\\b"));
        if (unitAfter.match(m_body.mid(m.capturedEnd(), 20)).hasMatch())
            continue;
        addYear(m.capturedStart(), m.capturedEnd(), m.captured(1).toInt());
    }

    // Decades: "the 1990s", "1960s", "the early 2000s".
    static const QRegularExpression decade(
        QStringLiteral("\\b(?:(?i:the)\\s+)?(?:(?i:early|mid|late)[- ]?)?(1\\d|20)(\\d)0s\\b"));
    for (auto it = decade.globalMatch(m_body); it.hasNext();) {
        const auto m = it.next();
        addDecade(m.capturedStart(), m.capturedEnd(), m.captured(1).toInt() * 100 + m.captured(2).toInt() * 10);
    }

    // Centuries: "the 20th century", "the nineteenth century".
    static const QRegularExpression century(QStringLiteral(
        "\\b(?i:(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)|(?:the\\s+)?(first|second|third|fourth|fifth|sixth|seventh|"
        "eighth|"
        "ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
        "twentieth|twenty-first))\\s+(?i:century)\\b"));
    static const QStringList ordinals
        = {QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("third"), QStringLiteral("fourth"),
            QStringLiteral("fifth"), QStringLiteral("sixth"), QStringLiteral("seventh"), QStringLiteral("eighth"),
            QStringLiteral("ninth"), QStringLiteral("tenth"), QStringLiteral("eleventh"), QStringLiteral("twelfth"),
            QStringLiteral("thirteenth"), QStringLiteral("fourteenth"), QStringLiteral("fifteenth"),
            QStringLiteral("sixteenth"), QStringLiteral("seventeenth"), QStringLiteral("eighteenth"),
            QStringLiteral("nineteenth"), QStringLiteral("twentieth"), QStringLiteral("twenty-first")};
    for (auto it = century.globalMatch(m_body); it.hasNext();) {
        const auto m = it.next();
        const int n
            = m.captured(1).isEmpty() ? int(ordinals.indexOf(m.captured(2).toLower())) + 1 : m.captured(1).toInt();
        if (n < 1 || n > 30)
            continue;
        const int first = (n - 1) * 100;
        add(m.capturedStart(), m.capturedEnd(), pad(n - 1, 2), Granularity::Century, QDate(std::max(first, 1), 1, 1),
            QDate(first + 99, 12, 31));
    }

    // Quarters: "the second quarter of 2018", "Q2 2018", "the third quarter".
    static const QRegularExpression quarter(QStringLiteral("\\b(?i:(first|second|third|fourth|final|1st|2nd|3rd|4th)"
                                                           "\\s+quarter)(?:\\s+of\\s+(\\d{4})\\b|,?\\s+(\\d{4})\\b)?"));
    static const QRegularExpression qShort(QStringLiteral("\\bQ([1-4])(?:\\s+(\\d{4}))?\\b"));
    for (auto it = quarter.globalMatch(m_body); it.hasNext();) {
        const auto m = it.next();
        const QString w = m.captured(1).toLower();
        const int q = (w == u"first" || w == u"1st") ? 1
            : (w == u"second" || w == u"2nd")        ? 2
            : (w == u"third" || w == u"3rd")         ? 3
                                                     : 4;
        int y = m.captured(2).isEmpty() ? m.captured(3).toInt() : m.captured(2).toInt();
        if (y == 0) {
            if (!m_anchor.isValid())
                continue;
            y = m_anchor.year();
        }
        addQuarter(m.capturedStart(), m.capturedEnd(), y, q);
    }
    for (auto it = qShort.globalMatch(m_body); it.hasNext();) {
        const auto m = it.next();
        int y = m.captured(2).toInt();
        if (y == 0) {
            if (!m_anchor.isValid())
                continue;
            y = m_anchor.year();
        }
        addQuarter(m.capturedStart(), m.capturedEnd(), y, m.captured(1).toInt());
    }
}

void Tagger::relative()
{
    if (!m_anchor.isValid())
        return;
    static const QRegularExpression dayWord(QStringLiteral(
        "\\b(?i:(the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow|today|yesterday|tomorrow|"
        "tonight|last\\s+night))\\b"));
    for (auto it = dayWord.globalMatch(m_body); it.hasNext();) {
        const auto m = it.next();
        const QString w = m.captured(1).toLower().simplified();
        int offset = 0;
        if (w == u"yesterday" || w == u"last night")
            offset = -1;
        else if (w == u"tomorrow")
            offset = 1;
        else if (w.startsWith(u"the day before"))
            offset = -2;
        else if (w.startsWith(u"the day after"))
            offset = 2;
        addDay(m.capturedStart(), m.capturedEnd(), m_anchor.addDays(offset));
    }

    // "this week", "last month", "next year", "earlier this year", "late last year", "this weekend".
    static const QRegularExpression unit(QStringLiteral(
        "\\b(?i:(?:(earlier|later|early|late)\\s+)?(this|last|next)\\s+(weekend|week|month|year|quarter|decade))\\b"));
    for (auto it = unit.globalMatch(m_body); it.hasNext();) {
        const auto m = it.next();
        const QString which = m.captured(2).toLower();
        const QString u = m.captured(3).toLower();
        const int step = which == u"last" ? -1 : which == u"next" ? 1 : 0;
        const qsizetype s = m.capturedStart();
        const qsizetype e = m.capturedEnd();
        if (u == u"week" || u == u"weekend") {
            addWeek(s, e, m_anchor.addDays(7 * step));
        } else if (u == u"month") {
            const QDate d = m_anchor.addMonths(step);
            addMonth(s, e, d.year(), d.month());
        } else if (u == u"year") {
            addYear(s, e, m_anchor.year() + step);
        } else if (u == u"quarter") {
            const QDate d = m_anchor.addMonths(3 * step);
            addQuarter(s, e, d.year(), (d.month() - 1) / 3 + 1);
        } else {
            addDecade(s, e, (m_anchor.year() / 10 + step) * 10);
        }
    }

    // "two days ago", "a week ago"; "in three weeks" (a point ahead, unless the context makes it a span).
    static const QRegularExpression ago(
        QStringLiteral("\\b(%1|(?i:a|an))\\s+(?i:(day|week|month|year|decade)s?)\\s+(?i:ago)\\b").arg(Number));
    static const QRegularExpression in(
        QStringLiteral("\\b(?i:in)\\s+(%1|(?i:a|an))\\s+(?i:(day|week|month|year)s?)\\b").arg(Number));
    auto shifted = [this](int n, const QString &u, qsizetype s, qsizetype e) {
        if (u == u"day") {
            addDay(s, e, m_anchor.addDays(n));
        } else if (u == u"week") {
            addWeek(s, e, m_anchor.addDays(7 * n));
        } else if (u == u"month") {
            const QDate d = m_anchor.addMonths(n);
            addMonth(s, e, d.year(), d.month());
        } else if (u == u"year") {
            addYear(s, e, m_anchor.year() + n);
        } else {
            addDecade(s, e, (m_anchor.year() / 10 + n) * 10);
        }
    };
    for (auto it = ago.globalMatch(m_body); it.hasNext();) {
        const auto m = it.next();
        shifted(-numberValue(m.captured(1)), m.captured(2).toLower(), m.capturedStart(), m.capturedEnd());
    }
    for (auto it = in.globalMatch(m_body); it.hasNext();) {
        const auto m = it.next();
        // "the first time in 17 years", "the worst in a decade": a span back from now, not a point ahead.
        const QString context
            = m_body.mid(std::max<qsizetype>(0, m.capturedStart() - 40), std::min<qsizetype>(40, m.capturedStart()))
                  .toLower();
        static const QRegularExpression spanBack(
            QStringLiteral("\\b(first|time|ever|highest|lowest|worst|best|largest|biggest|"
                           "since|than|only|once|twice|times)\\b[^.]*$"));
        if (spanBack.match(context).hasMatch())
            continue; // the duration rule below tags the number and unit
        shifted(numberValue(m.captured(1)), m.captured(2).toLower(), m.capturedStart(), m.capturedEnd());
    }
}

void Tagger::weekdays()
{
    if (!m_anchor.isValid())
        return;
    static const QRegularExpression day(
        QStringLiteral("\\b(?:((?i:last|next|this|coming|past))\\s+)?(%1)\\b(?!s\\b)").arg(Weekday));
    static const QRegularExpression nameAfter(
        QStringLiteral("^\\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Mail|Star|Night\\s+Live|Sport|Independent|"
                       "Edition|Magazine|Review|"
                       "Observer|Tribune|Journal|Club|League)\\b"));
    static const QStringList nameBefore = {QStringLiteral("good"), QStringLiteral("black"), QStringLiteral("super"),
        QStringLiteral("ash"), QStringLiteral("bloody"), QStringLiteral("holy"), QStringLiteral("palm"),
        QStringLiteral("easter"), QStringLiteral("cyber"), QStringLiteral("maundy"), QStringLiteral("shrove"),
        QStringLiteral("man"), QStringLiteral("girl"), QStringLiteral("giving")};
    for (auto it = day.globalMatch(m_body); it.hasNext();) {
        const auto m = it.next();
        if (nameAfter.match(m_body.mid(m.capturedEnd(), 30)).hasMatch())
            continue;
        const QString modifier = m.captured(1).toLower();
        if (modifier.isEmpty() && nameBefore.contains(wordBefore(m.capturedStart())))
            continue;
        const int wd = weekdayNumber(m.capturedView(2));
        const int a = m_anchor.dayOfWeek();
        const int back = a > wd ? a - wd : a - wd + 7; // days back to the most recent before the anchor
        const int ahead = wd > a ? wd - a : wd - a + 7; // days ahead to the next after the anchor
        int offset = 0;
        if (modifier == u"last" || modifier == u"past") {
            offset = -back;
        } else if (modifier == u"next" || modifier == u"coming") {
            offset = ahead;
        } else if (wd == a) {
            offset = 0;
        } else {
            const Tense t = tenseAround(m_body, m.capturedStart(), m.capturedEnd(), true);
            offset = t == Tense::Future ? ahead : -back;
        }
        addDay(m.capturedStart(), m.capturedEnd(), m_anchor.addDays(offset));
    }
}

void Tagger::durationsAndTimes()
{
    // Durations: "three months", "17 years", "about four hours" (the approximation is left out);
    // not ages ("45 years old").
    static const QRegularExpression duration(
        QStringLiteral("\\b(%1)\\s+(?i:(second|minute|hour|day|week|month|year|decade|centur)(?:s|ies|y)?)\\b")
            .arg(Number));
    static const QRegularExpression ageAfter(QStringLiteral("^\\s+(?:old|of age)\\b"));
    for (auto it = duration.globalMatch(m_body); it.hasNext();) {
        const auto m = it.next();
        if (ageAfter.match(m_body.mid(m.capturedEnd(), 10)).hasMatch() || wordBefore(m.capturedStart()) == u"aged")
            continue;
        const int n = numberValue(m.captured(1));
        if (n <= 0)
            continue;
        addDuration(m.capturedStart(), m.capturedEnd(), n, m.captured(2));
    }

    // Times of day: "10 pm", "10:30 a.m.", "at 14:00", "at noon". Their day comes from context.
    static const QRegularExpression clock(
        QStringLiteral("\\b(\\d{1,2})(?:[:.](\\d{2}))?\\s*(?i:([ap])(?:\\.\\s?m\\.?|\\s?m\\b))"));
    static const QRegularExpression h24(QStringLiteral("\\b(?i:at)\\s+((\\d{1,2}):(\\d{2}))\\b(?!\\s*[ap]\\.?m)"));
    static const QRegularExpression noon(
        QStringLiteral("\\b(?i:at|by|until|after|before)\\s+((?i:noon|midnight|midday))\\b"));
    auto addTime = [this](qsizetype s, qsizetype e, int hour, int minute) {
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59)
            return;
        Candidate c;
        c.expr.start = s;
        c.expr.end = e;
        c.expr.text = m_body.mid(s, e - s);
        c.expr.granularity = Granularity::Time;
        c.hour = hour;
        c.minute = minute;
        m_candidates.append(c);
    };
    for (auto it = clock.globalMatch(m_body); it.hasNext();) {
        const auto m = it.next();
        int h = m.captured(1).toInt();
        if (h < 1 || h > 12)
            continue;
        const bool pm = m.captured(3).toLower() == u"p";
        h = (h % 12) + (pm ? 12 : 0);
        qsizetype end = m.capturedEnd();
        // A sentence-final "p.m." keeps its period; a sentence's own full stop is not part of it.
        addTime(m.capturedStart(), end, h, m.captured(2).toInt());
    }
    for (auto it = h24.globalMatch(m_body); it.hasNext();) {
        const auto m = it.next();
        addTime(m.capturedStart(1), m.capturedEnd(1), m.captured(2).toInt(), m.captured(3).toInt());
    }
    for (auto it = noon.globalMatch(m_body); it.hasNext();) {
        const auto m = it.next();
        addTime(m.capturedStart(1), m.capturedEnd(1), m.captured(1).toLower() == u"midnight" ? 0 : 12, 0);
    }
}

QList<TimeExpression> Tagger::run()
{
    absoluteDates();
    monthsAndYears();
    relative();
    weekdays();
    durationsAndTimes();

    // The longest expression wins where candidates overlap; then the earliest.
    std::stable_sort(m_candidates.begin(), m_candidates.end(), [](const Candidate &a, const Candidate &b) {
        const qsizetype la = a.expr.end - a.expr.start;
        const qsizetype lb = b.expr.end - b.expr.start;
        return la != lb ? la > lb : a.expr.start < b.expr.start;
    });
    QList<Candidate> kept;
    for (const Candidate &c : std::as_const(m_candidates)) {
        const bool overlaps = std::any_of(kept.cbegin(), kept.cend(),
            [&](const Candidate &k) { return c.expr.start < k.expr.end && k.expr.start < c.expr.end; });
        if (!overlaps)
            kept.append(c);
    }
    std::sort(
        kept.begin(), kept.end(), [](const Candidate &a, const Candidate &b) { return a.expr.start < b.expr.start; });

    // Times of day take the day named nearest to them in their sentence, else the last day named
    // before them, else the anchor.
    for (qsizetype i = 0; i < kept.size(); ++i) {
        Candidate &c = kept[i];
        if (c.hour < 0)
            continue;
        qsizetype sStart = c.expr.start;
        while (sStart > 0 && !isSentenceEnd(m_body, sStart - 1))
            --sStart;
        qsizetype sEnd = c.expr.end;
        while (sEnd < m_body.size() && !isSentenceEnd(m_body, sEnd))
            ++sEnd;
        QDate day;
        qsizetype bestDistance = -1;
        QDate previous;
        for (const Candidate &k : std::as_const(kept)) {
            if (k.hour >= 0 || k.expr.granularity != Granularity::Day || k.expr.rangeStart != k.expr.rangeEnd)
                continue;
            if (k.expr.start >= sStart && k.expr.end <= sEnd) {
                const qsizetype distance
                    = k.expr.start > c.expr.start ? k.expr.start - c.expr.end : c.expr.start - k.expr.end;
                if (bestDistance < 0 || distance < bestDistance) {
                    bestDistance = distance;
                    day = k.expr.rangeStart;
                }
            }
            if (k.expr.end <= c.expr.start)
                previous = k.expr.rangeStart;
        }
        if (!day.isValid())
            day = previous.isValid() ? previous : m_anchor;
        if (!day.isValid()) {
            c.expr.value = u'T' + pad(c.hour, 2) + u':' + pad(c.minute, 2);
            continue;
        }
        c.expr.value = dayValue(day) + u'T' + pad(c.hour, 2) + u':' + pad(c.minute, 2);
        c.expr.rangeStart = day;
        c.expr.rangeEnd = day;
    }

    QList<TimeExpression> out;
    out.reserve(kept.size());
    for (const Candidate &c : std::as_const(kept))
        out.append(c.expr);
    return out;
}

} // namespace

QList<TimeExpression> tagTimeExpressions(const QString &body, const QDate &anchor)
{
    return Tagger(body, anchor).run();
}

} // namespace gloss::extract
