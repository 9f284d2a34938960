#include "model/namekey.h"

namespace gloss::model {

QString nameKey(QStringView name)
{
    // Fast path: plain ASCII needs no decomposition.
    bool ascii = true;
    for (const QChar c : name) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        QString out;
        out.reserve(name.size());
        bool space = false;
        for (const QChar c : name) {
            const char16_t u = c.unicode();
            if (u == u'.')
                continue;
            if (u == u' ' || u == u'\t' || u == u'\n' || u == u'\r') {
                space = !out.isEmpty();
                continue;
            }
            if (space) {
                out.append(u' ');
                space = false;
            }
            out.append(QChar(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u));
        }
        if (out.endsWith(QStringLiteral("'s")))
            out.chop(2);
        return out;
    }
    QString decomposed = name.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    bool space = false;
    for (const QChar c : std::as_const(decomposed)) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c == u'.')
            continue;
        if (c.isSpace()) {
            space = !out.isEmpty();
            continue;
        }
        if (space) {
            out.append(u' ');
            space = false;
        }
        if (c == u'\u2019' || c == u'\u2018')
            out.append(u'\'');
        else if (c == u'\u2010' || c == u'\u2011' || c == u'\u2013')
            out.append(u'-');
        else
            out.append(c.toLower());
    }
    if (out.endsWith(QStringLiteral("'s")))
        out.chop(2);
    return out;
}

} // namespace gloss::model
