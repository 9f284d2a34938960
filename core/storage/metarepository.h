#pragma once

#include <QString>

#include <optional>

namespace gloss::storage {

// The project's own key-value notes (the meta table): whether the samples were seeded, say.
class MetaRepository
{
public:
    virtual ~MetaRepository() = default;

    virtual std::optional<QString> value(const QString &key) = 0;
    virtual void setValue(const QString &key, const QString &value) = 0;
};

} // namespace gloss::storage
