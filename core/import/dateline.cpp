#include "import/dateline.h"

#include "text/codepoints.h"

#include <QRegularExpression>

namespace gloss::import {

Dateline findDateline(const QString &body)
{
    // A place in capitals (two letters at least), then optionally ", Region" or ", June 9", then
    // optionally "(Agency)", then the separator: a colon, a dash with spaces, or an en/em dash.
    static const QRegularExpression pattern(QStringLiteral("^(\\p{Lu}[\\p{Lu}\\p{M}'\u2019.\\- ]{0,40}?\\p{Lu}\\.?)"
                                                           "(?:,\\s+\\p{Lu}[^\\n:()\u2013\u2014]{0,40}?)?"
                                                           "(?:\\s*\\([^()\\n]{1,30}\\))?"
                                                           "(?:\\s*:(?=\\s)|\\s*[\u2013\u2014]|\\s+--?(?=\\s))"));
    // Capitalised labels that open a paragraph the way a place would, but are not places.
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
    Dateline result;
    const QRegularExpressionMatch m = pattern.match(body.left(200));
    if (!m.hasMatch())
        return result;
    const QString place = m.captured(1).trimmed();
    if (labels.contains(place))
        return result;
    result.place = place;
    result.end = text::toCodePoints(body, m.capturedEnd(0));
    return result;
}

} // namespace gloss::import
