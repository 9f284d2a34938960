#pragma once

// Lets Catch2 print Qt values in failed assertions.
#include <QString>
#include <QStringList>

#include <catch2/catch.hpp>

namespace Catch {

template <> struct StringMaker<QString>
{
    static std::string convert(const QString &s) { return '"' + s.toStdString() + '"'; }
};

template <> struct StringMaker<QStringList>
{
    static std::string convert(const QStringList &l) { return "[" + l.join(QStringLiteral(" | ")).toStdString() + "]"; }
};

} // namespace Catch
