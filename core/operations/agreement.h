#pragma once

#include "model/agreement.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gloss::operations {

class Writer;

using AgreementRequest = model::AgreementRequest;

// Intercoder agreement (README, "Intercoder agreement"): reads who coded what for the chosen
// coders and computes Krippendorff's alpha, Cohen's kappa and percent agreement per tag and
// pooled, with every disagreement's article, passage and what each coder did. Read only.
class Agreement final
{
public:
    explicit Agreement(Writer &writer)
        : m_writer(writer)
    { }
    Q_DISABLE_COPY_MOVE(Agreement)

    // Everyone who coded anything, sorted ("" not listed: coding with no coder is no one's).
    QStringList coders();
    // Throws OperationError: invalid with fewer than two coders, a coder who coded nothing, an
    // overlap outside 1..100 or nothing to compare (no article, no tag); notFound for a tag.
    // `within`, when given, limits the articles compared to these (an export's scope).
    model::AgreementReport report(
        const AgreementRequest &request, const std::optional<QList<qint64>> &within = std::nullopt);

private:
    Writer &m_writer;
};

} // namespace gloss::operations
