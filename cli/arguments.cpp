#include "cli/arguments.h"

namespace gloss::cli {

bool Arguments::parse(const QStringList &args, const QSet<QString> &valued, const QSet<QString> &flags)
{
    bool onlyPositionals = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (onlyPositionals || !arg.startsWith(u'-') || arg == u"-") {
            m_positionals.append(arg);
            continue;
        }
        if (arg == u"--") {
            onlyPositionals = true;
            continue;
        }
        QString name = arg;
        QString value;
        bool hasValue = false;
        if (const qsizetype eq = arg.indexOf(u'='); arg.startsWith(u"--") && eq > 0) {
            name = arg.left(eq);
            value = arg.mid(eq + 1);
            hasValue = true;
        }
        if (valued.contains(name)) {
            if (!hasValue) {
                if (i + 1 >= args.size()) {
                    m_error = QStringLiteral("%1 needs a value").arg(name);
                    return false;
                }
                value = args.at(++i);
            }
        } else if (flags.contains(name)) {
            if (hasValue) {
                m_error = QStringLiteral("%1 takes no value").arg(name);
                return false;
            }
        } else {
            m_error = QStringLiteral("unknown option %1").arg(name);
            return false;
        }
        m_options.append({name, value});
    }
    return true;
}

bool Arguments::has(const QString &name) const
{
    for (const auto &[n, v] : m_options)
        if (n == name)
            return true;
    return false;
}

QString Arguments::value(const QString &name, const QString &fallback) const
{
    for (auto it = m_options.crbegin(); it != m_options.crend(); ++it)
        if (it->first == name)
            return it->second;
    return fallback;
}

QStringList Arguments::values(const QString &name) const
{
    QStringList out;
    for (const auto &[n, v] : m_options)
        if (n == name)
            out.append(v);
    return out;
}

} // namespace gloss::cli
