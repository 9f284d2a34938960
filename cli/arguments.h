#pragma once

#include <QSet>
#include <QStringList>

namespace gloss::cli {

// A command's arguments: options (--name value, --name=value, --flag) and positionals.
// Options a command does not know are a usage error, reported by parse().
class Arguments final
{
public:
    // `valued` options take a value; `flags` do not.
    bool parse(const QStringList &args, const QSet<QString> &valued, const QSet<QString> &flags);
    const QString &error() const { return m_error; }

    bool has(const QString &name) const;
    QString value(const QString &name, const QString &fallback = {}) const;
    QStringList values(const QString &name) const; // in the order given
    const QStringList &positionals() const { return m_positionals; }

private:
    QList<std::pair<QString, QString>> m_options;
    QStringList m_positionals;
    QString m_error;
};

} // namespace gloss::cli
