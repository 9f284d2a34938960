#include "cli/context.h"
#include "operations/agreement.h"
#include "operations/error.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace gloss::cli {

namespace {

QJsonValue numberJson(const std::optional<double> &v, double scale = 1)
{
    return v ? QJsonValue(*v * scale) : QJsonValue(QJsonValue::Null);
}

QString numberText(const std::optional<double> &v, int decimals, double scale = 1)
{
    return v ? QString::number(*v * scale, 'f', decimals) : QString();
}

} // namespace

std::optional<int> readAgreementOptions(Context &c, const Arguments &a, model::AgreementRequest &request)
{
    for (const QString &part : a.value(QStringLiteral("--coders")).split(u','))
        if (!part.trimmed().isEmpty())
            request.coders.append(part.trimmed());
    if (a.has(QStringLiteral("--coders")) && request.coders.size() < 2)
        return c.fail(QStringLiteral("agreement needs at least two coders: --coders A,B"));
    if (a.has(QStringLiteral("--level"))) {
        const auto level = model::agreementLevelFromName(a.value(QStringLiteral("--level")));
        if (!level)
            return c.usage(
                QStringLiteral("--level is article or segment, not \"%1\"").arg(a.value(QStringLiteral("--level"))));
        request.level = *level;
    }
    if (a.has(QStringLiteral("--overlap"))) {
        bool ok = false;
        QString text = a.value(QStringLiteral("--overlap"));
        if (text.endsWith(u'%'))
            text.chop(1);
        request.overlap = text.toDouble(&ok);
        if (!ok || !(request.overlap >= 1 && request.overlap <= 100))
            return c.usage(QStringLiteral("--overlap takes a percentage from 1 to 100, not \"%1\"")
                               .arg(a.value(QStringLiteral("--overlap"))));
    }
    request.allArticles = a.has(QStringLiteral("--all"));
    return std::nullopt;
}

int agreementCommand(Context &c)
{
    Arguments a;
    if (!a.parse(c.args,
            {QStringLiteral("--coders"), QStringLiteral("--tag"), QStringLiteral("--level"),
                QStringLiteral("--overlap"), QStringLiteral("--format")},
            {QStringLiteral("--all")}))
        return c.usage(a.error());
    if (!a.positionals().isEmpty())
        return c.usage(QStringLiteral("unexpected \"%1\"; see gloss agreement --help").arg(a.positionals().first()));
    QString format;
    if (!c.readFormat(a, RowFormats, format))
        return UsageError;

    operations::AgreementRequest request;
    if (const std::optional<int> refused = readAgreementOptions(c, a, request))
        return *refused;
    request.tags = a.values(QStringLiteral("--tag"));
    if (!c.openProjectToRead())
        return InputFailed;

    model::AgreementReport report;
    try {
        report = c.project->agreement().report(request);
    } catch (const operations::OperationError &e) {
        return c.fail(QStringLiteral("%1: %2").arg(c.projectName, e.message()));
    }

    const bool two = report.coders.size() == 2;
    const QString level = model::agreementLevelName(report.level);
    if (format == u"json") {
        QJsonArray list;
        for (const model::TagAgreement &r : std::as_const(report.rows)) {
            QJsonObject row{
                {QStringLiteral("tag"), r.tagId ? QJsonValue(r.tag) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("level"), level},
                {QStringLiteral("coders"), QJsonArray::fromStringList(report.coders)},
                {QStringLiteral("units"), r.units},
                {QStringLiteral("alpha"), numberJson(r.alpha)},
                {QStringLiteral("kappa"), two ? numberJson(r.kappa) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("percent"), numberJson(r.percent, 100)},
                {QStringLiteral("disagreements"), r.disagreements},
                {QStringLiteral("articles"), report.articles},
            };
            if (report.level == model::AgreementLevel::Segment) {
                row.insert(QStringLiteral("overlap"), report.overlap);
                row.insert(QStringLiteral("segments"), r.segments);
                row.insert(QStringLiteral("matched"), r.matched);
            }
            list.append(row);
        }
        return c.writeJson(list);
    }
    QStringList headers = {QStringLiteral("tag"), QStringLiteral("units"), QStringLiteral("alpha")};
    if (two)
        headers.append(QStringLiteral("kappa"));
    headers += {QStringLiteral("percent"), QStringLiteral("disagreements")};
    QList<QStringList> rows;
    for (const model::TagAgreement &r : std::as_const(report.rows)) {
        QStringList row = {r.tagId ? r.tag : (format == u"table" ? QStringLiteral("(all tags)") : QString()),
            QString::number(r.units), numberText(r.alpha, 3)};
        if (two)
            row.append(numberText(r.kappa, 3));
        row += {numberText(r.percent, 1, 100), QString::number(r.disagreements)};
        rows.append(row);
    }
    if (format == u"table")
        c.out << QStringLiteral("Agreement between %1, %2 level%3, %4:\n")
                     .arg(report.coders.join(QStringLiteral(", ")), level,
                         report.level == model::AgreementLevel::Segment
                             ? QStringLiteral(" (segments match at %1% overlap)").arg(report.overlap)
                             : QString(),
                         counted(report.articles, "article", "articles"));
    return c.writeRows(format, headers, rows);
}

} // namespace gloss::cli
