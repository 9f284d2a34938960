#include "extract/temporalvocabulary.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

namespace gloss::extract::temporal {

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
    // The words between hyphens and spaces ("twenty-one", "a hundred"), without a regular
    // expression compiled for every number read.
    qsizetype from = 0;
    for (qsizetype i = 0; i <= t.size(); ++i) {
        if (i < t.size() && t.at(i) != u'-' && t.at(i) != u' ')
            continue;
        if (i > from)
            total += words.value(t.mid(from, i - from));
        from = i + 1;
    }
    return total;
}

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

bool isFutureCue(const QString &w)
{
    static const QStringList list = {QStringLiteral("will"), QStringLiteral("would"), QStringLiteral("shall"),
        QStringLiteral("won't"), QStringLiteral("due"), QStringLiteral("expected"), QStringLiteral("expects"),
        QStringLiteral("expect"), QStringLiteral("expecting"), QStringLiteral("scheduled"), QStringLiteral("plans"),
        QStringLiteral("plan"), QStringLiteral("planning"), QStringLiteral("planned"), QStringLiteral("forecast"),
        QStringLiteral("forecasts"), QStringLiteral("upcoming"), QStringLiteral("next"), QStringLiteral("tomorrow"),
        QStringLiteral("later"), QStringLiteral("coming"), QStringLiteral("proposed")};
    return list.contains(w);
}

bool isPresentCue(const QString &w)
{
    static const QStringList list = {QStringLiteral("is"), QStringLiteral("are"), QStringLiteral("runs"),
        QStringLiteral("begins"), QStringLiteral("starts"), QStringLiteral("ends"), QStringLiteral("opens"),
        QStringLiteral("closes"), QStringLiteral("expires"), QStringLiteral("takes"), QStringLiteral("meets"),
        QStringLiteral("arrives"), QStringLiteral("leaves"), QStringLiteral("returns"), QStringLiteral("resumes")};
    return list.contains(w);
}

bool isReportingWord(const QString &w)
{
    static const QStringList list = {QStringLiteral("said"), QStringLiteral("says"), QStringLiteral("told"),
        QStringLiteral("added"), QStringLiteral("according")};
    return list.contains(w);
}

bool isMonthPreposition(const QString &w)
{
    static const QStringList list
        = {QStringLiteral("in"), QStringLiteral("since"), QStringLiteral("of"), QStringLiteral("by"),
            QStringLiteral("until"), QStringLiteral("till"), QStringLiteral("from"), QStringLiteral("for"),
            QStringLiteral("to"), QStringLiteral("through"), QStringLiteral("during"), QStringLiteral("before"),
            QStringLiteral("after"), QStringLiteral("between"), QStringLiteral("and"), QStringLiteral("or"),
            QStringLiteral("around"), QStringLiteral("throughout"), QStringLiteral("into"), QStringLiteral("last")};
    return list.contains(w);
}

bool isApproximation(const QString &w)
{
    static const QStringList list = {QStringLiteral("about"), QStringLiteral("some"), QStringLiteral("nearly"),
        QStringLiteral("almost"), QStringLiteral("around"), QStringLiteral("than"), QStringLiteral("approximately"),
        QStringLiteral("no"), QStringLiteral("number")};
    return list.contains(w);
}

bool isDayNamePrefix(const QString &w)
{
    static const QStringList list = {QStringLiteral("good"), QStringLiteral("black"), QStringLiteral("super"),
        QStringLiteral("ash"), QStringLiteral("bloody"), QStringLiteral("holy"), QStringLiteral("palm"),
        QStringLiteral("easter"), QStringLiteral("cyber"), QStringLiteral("maundy"), QStringLiteral("shrove"),
        QStringLiteral("man"), QStringLiteral("girl"), QStringLiteral("giving")};
    return list.contains(w);
}

int ordinalNumber(const QString &w)
{
    static const QStringList ordinals
        = {QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("third"), QStringLiteral("fourth"),
            QStringLiteral("fifth"), QStringLiteral("sixth"), QStringLiteral("seventh"), QStringLiteral("eighth"),
            QStringLiteral("ninth"), QStringLiteral("tenth"), QStringLiteral("eleventh"), QStringLiteral("twelfth"),
            QStringLiteral("thirteenth"), QStringLiteral("fourteenth"), QStringLiteral("fifteenth"),
            QStringLiteral("sixteenth"), QStringLiteral("seventeenth"), QStringLiteral("eighteenth"),
            QStringLiteral("nineteenth"), QStringLiteral("twentieth"), QStringLiteral("twenty-first")};
    return int(ordinals.indexOf(w)) + 1;
}

} // namespace gloss::extract::temporal
