#include "model/contenthash.h"

#include <QCryptographicHash>
#include <QStringList>

namespace gloss::model {

namespace {

// A line an export adds around a story: copyright, load date, end of document.
bool isBoilerplateLine(QStringView line)
{
    const QStringView t = line.trimmed();
    return t.startsWith(u"Copyright", Qt::CaseInsensitive) || t.startsWith(u'\u00a9')
        || t.startsWith(u"(c) ", Qt::CaseInsensitive) || t.startsWith(u"Load-Date:", Qt::CaseInsensitive)
        || t.compare(u"End of Document", Qt::CaseInsensitive) == 0
        || t.startsWith(u"All rights reserved", Qt::CaseInsensitive);
}

// White space collapsed to one space, case folded, quotes and dashes made plain, invisible
// characters dropped.
QString normalised(QStringView text)
{
    QString out;
    out.reserve(text.size());
    bool space = false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        // Most of a text is ASCII letters, digits and punctuation, which fold without a look-up.
        if (u > u' ' && u < 0x7f && u != 0x60) {
            if (space) {
                out.append(u' ');
                space = false;
            }
            out.append(QChar(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u));
            continue;
        }
        if (c.isSpace()) {
            space = !out.isEmpty();
            continue;
        }
        if (u == 0x00AD || u == 0x200B || u == 0x200C || u == 0x200D || u == 0xFEFF || u == 0x2060)
            continue;
        if (space) {
            out.append(u' ');
            space = false;
        }
        switch (u) {
        case 0x2018:
        case 0x2019:
        case 0x201A:
        case 0x2032:
        case 0x00B4:
        case 0x0060:
            out.append(u'\'');
            break;
        case 0x201C:
        case 0x201D:
        case 0x201E:
        case 0x00AB:
        case 0x00BB:
        case 0x2033:
            out.append(u'"');
            break;
        case 0x2010:
        case 0x2011:
        case 0x2012:
        case 0x2013:
        case 0x2014:
        case 0x2015:
        case 0x2212:
            out.append(u'-');
            break;
        default:
            out.append(c.toCaseFolded());
        }
    }
    return out;
}

// The body without boilerplate lines at either end.
QStringView withoutBoilerplate(QStringView body)
{
    for (;;) {
        const QStringView t = body.trimmed();
        const qsizetype firstEnd = t.indexOf(u'\n');
        const QStringView first = firstEnd < 0 ? t : t.left(firstEnd);
        if (!t.isEmpty() && firstEnd >= 0 && isBoilerplateLine(first)) {
            body = t.mid(firstEnd + 1);
            continue;
        }
        const qsizetype lastStart = t.lastIndexOf(u'\n');
        const QStringView last = lastStart < 0 ? t : t.mid(lastStart + 1);
        if (lastStart >= 0 && isBoilerplateLine(last)) {
            body = t.left(lastStart);
            continue;
        }
        return t;
    }
}

} // namespace

QString contentHash(const QString &title, const QString &body)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(normalised(title).toUtf8());
    hash.addData(QByteArrayView("\x1f", 1));
    hash.addData(normalised(withoutBoilerplate(body)).toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

QString exactContentHash(const QString &title, const QString &body)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(title.trimmed().toUtf8());
    hash.addData(QByteArrayView("\x1f", 1));
    hash.addData(body.toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace gloss::model
