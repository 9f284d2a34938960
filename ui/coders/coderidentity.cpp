#include "coders/coderidentity.h"

#include <QCoreApplication>
#include <QSettings>

namespace gloss::ui {

namespace {

const char *const CoderKey = "coder/name";
constexpr qsizetype MaxName = 100;

} // namespace

QString storedCoder()
{
    return QSettings().value(QString::fromLatin1(CoderKey)).toString().trimmed();
}

void storeCoder(const QString &name)
{
    QSettings().setValue(QString::fromLatin1(CoderKey), name.trimmed());
}

QString coderNameProblem(const QString &name)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return QCoreApplication::translate("gloss::ui::Coders", "Type a name.");
    if (n.size() > MaxName)
        return QCoreApplication::translate("gloss::ui::Coders", "A name of at most %1 characters.").arg(MaxName);
    if (n.contains(u','))
        return QCoreApplication::translate(
            "gloss::ui::Coders", "A name without commas (the command line lists coders as ann,ben).");
    return {};
}

QColor coderColor(const QString &name)
{
    // FNV-1a over the UTF-16 units: qHash is seeded per process, and the colour must not change.
    quint32 hash = 2166136261u;
    for (const QChar c : name) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    // Spread neighbouring hashes around the colour wheel by the golden angle.
    const int hue = int((quint64(hash) * 137u) % 360u);
    return QColor::fromHsl(hue, 190, 105);
}

QString coderLabel(const QString &name)
{
    return name.isEmpty() ? QCoreApplication::translate("gloss::ui::Coders", "(no coder)") : name;
}

} // namespace gloss::ui
