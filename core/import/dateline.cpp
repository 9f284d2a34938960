#include "import/dateline.h"

#include "text/codepoints.h"

#include <QRegularExpression>

namespace gloss::import {

namespace {

// A month in English as wires write it, in any case: "Feb", "feb.", "March", "Sept".
const QString Month = QStringLiteral(
    "(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?(?![\\p{L}])");
// The date after the place: "Feb 26", "June 9, 2018", "2 March", "2nd march 1987".
const QString Date = QStringLiteral("(?:%1\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?"
                                    "|\\d{1,2}(?:st|nd|rd|th)?\\s+%1(?:,?\\s+\\d{4})?)")
                         .arg(Month);
// A region or country after the place, capitalised and short: ", Afghanistan", ", Ont.", ", N.J.".
const QString Region = QStringLiteral("\\p{Lu}[\\p{L}\\p{M}.'\u2019]*(?: \\p{Lu}[\\p{L}\\p{M}.'\u2019]*){0,2}");
// The agency in brackets, and the separator: a colon, a hyphen or two (spaced after, spaced or not
// before), or an en or em dash.
const QString Tail = QStringLiteral("(?:\\s*\\([^()\\n]{1,30}\\))?"
                                    "(?:\\s*:(?=\\s)|\\s*[\u2013\u2014]|\\s*--?(?=\\s))");

// A place in capitals: "WASHINGTON", "SÃO PAULO", "ST. LOUIS", "WINSTON-SALEM".
const QRegularExpression &capitalsPattern()
{
    static const QRegularExpression p(QStringLiteral("^(\\p{Lu}[\\p{Lu}\\p{M}'\u2019.\\- ]{0,40}?\\p{Lu}\\.?)"
                                                     "(?:\\s*,\\s*%1)?(?:\\s*,\\s*%2)?")
                                          .arg(Date, Region)
        + QStringLiteral("(?:\\s*,\\s*%1)?").arg(Date) + Tail);
    return p;
}

// A place in mixed case ("Toronto", "Rio de Janeiro", "St. John's"): taken only with a date or an
// agency after it, since a sentence can open with a capitalised word and a dash.
const QRegularExpression &mixedCasePattern()
{
    static const QRegularExpression p(
        QStringLiteral("^(\\p{Lu}[\\p{L}\\p{M}'\u2019.\\-]*(?: (?:(?:de|da|do|del|la|le|el|am|an|der|sur|upon|on)"
                       " )?\\p{Lu}[\\p{L}\\p{M}'\u2019.\\-]*){0,3})"
                       "(?:\\s*,\\s*%1)?(?:(?:\\s*,\\s*%2)(?:\\s*\\([^()\\n]{1,30}\\))?|\\s*\\([^()\\n]{1,30}\\))"
                       "(?:\\s*:(?=\\s)|\\s*[\u2013\u2014]|\\s*--?(?=\\s))")
            .arg(Region, Date));
    return p;
}

// Capitalised labels that open a paragraph the way a place would, but are not places.
bool isLabel(const QString &place)
{
    static const QStringList labels = {
        QStringLiteral("UPDATE"),
        QStringLiteral("UPDATED"),
        QStringLiteral("BREAKING"),
        QStringLiteral("EXCLUSIVE"),
        QStringLiteral("ANALYSIS"),
        QStringLiteral("OPINION"),
        QStringLiteral("EDITORIAL"),
        QStringLiteral("WATCH"),
        QStringLiteral("VIDEO"),
        QStringLiteral("PHOTOS"),
        QStringLiteral("LIVE"),
        QStringLiteral("NOTE"),
        QStringLiteral("CORRECTION"),
        QStringLiteral("FACTBOX"),
        QStringLiteral("EXPLAINER"),
    };
    return labels.contains(place.toUpper());
}

// Words that open a sentence before a date ("On Monday, March 3 -"): not places.
bool isSentenceStart(const QString &place)
{
    static const QStringList words = {QStringLiteral("on"), QStringLiteral("in"), QStringLiteral("by"),
        QStringLiteral("the"), QStringLiteral("at"), QStringLiteral("for"), QStringLiteral("from"),
        QStringLiteral("since"), QStringLiteral("until"), QStringLiteral("last"), QStringLiteral("next"),
        QStringLiteral("this"), QStringLiteral("today"), QStringLiteral("yesterday"), QStringLiteral("early"),
        QStringLiteral("late"), QStringLiteral("monday"), QStringLiteral("tuesday"), QStringLiteral("wednesday"),
        QStringLiteral("thursday"), QStringLiteral("friday"), QStringLiteral("saturday"), QStringLiteral("sunday"),
        QStringLiteral("and"), QStringLiteral("but"), QStringLiteral("as"), QStringLiteral("after"),
        QStringLiteral("before"), QStringLiteral("during"), QStringLiteral("updated"), QStringLiteral("posted"),
        QStringLiteral("published")};
    const QString first = place.section(u' ', 0, 0).toLower();
    return words.contains(first);
}

} // namespace

Dateline findDateline(const QString &body)
{
    Dateline result;
    const QString head = body.left(200);
    QRegularExpressionMatch m = capitalsPattern().match(head);
    if (!m.hasMatch() || isLabel(m.captured(1).trimmed())) {
        m = mixedCasePattern().match(head);
        if (!m.hasMatch() || isLabel(m.captured(1)) || isSentenceStart(m.captured(1)))
            return result;
    }
    result.place = m.captured(1).trimmed();
    result.end = text::toCodePoints(body, m.capturedEnd(0));
    return result;
}

} // namespace gloss::import
