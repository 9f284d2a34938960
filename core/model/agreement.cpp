#include "model/agreement.h"

namespace gloss::model {

QString agreementLevelName(AgreementLevel level)
{
    return level == AgreementLevel::Segment ? QStringLiteral("segment") : QStringLiteral("article");
}

std::optional<AgreementLevel> agreementLevelFromName(const QString &name)
{
    if (name == QLatin1String("article"))
        return AgreementLevel::Article;
    if (name == QLatin1String("segment"))
        return AgreementLevel::Segment;
    return std::nullopt;
}

QString describeParts(const QList<CoderPart> &parts)
{
    QStringList out;
    for (const CoderPart &part : parts) {
        QStringList what;
        if (part.articleTag)
            what.append(QStringLiteral("article tag"));
        for (const auto &[start, end] : part.spans)
            what.append(QStringLiteral("%1\u2013%2").arg(start).arg(end));
        out.append(part.coder + QStringLiteral(": ")
            + (what.isEmpty() ? QStringLiteral("none") : what.join(QStringLiteral(", "))));
    }
    return out.join(QStringLiteral("; "));
}

} // namespace gloss::model
