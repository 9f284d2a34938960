#pragma once

#include "interchange/refi/refiproject.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace gloss::interchange::refi {

inline const QString ProjectNamespace = QStringLiteral("urn:QDA-XML:project:1.0");
inline const QString CodebookNamespace = QStringLiteral("urn:QDA-XML:codebook:1.0");

// What reading a project.qde gave: the project, or the reason it could not be read (naming the
// line and column); warnings for what was read but cannot be used (a selection without numbers).
struct QdeReadResult
{
    Project project;
    QString error;
    QStringList warnings;
};

struct CodebookReadResult
{
    QList<Code> codes;
    QList<Set> sets; // sets of codes
    QString error;
};

// project.qde for `project`, UTF-8, in the order Project-mrt2019.xsd asks for. Empty lists are
// left out (the schema wants at least one child where the element is there).
QByteArray writeProjectXml(const Project &project);
// A .qdc codebook (urn:QDA-XML:codebook:1.0).
QByteArray writeCodebookXml(const QList<Code> &codes, const QList<Set> &sets, const QString &origin);

// Reads project.qde. Unknown elements are skipped; the namespace may be missing (some writers
// leave it out) but the root must be <Project>.
QdeReadResult readProjectXml(const QByteArray &xml);
// Reads a .qdc codebook; a project.qde's <CodeBook> is read too, so a project can give its codes.
CodebookReadResult readCodebookXml(const QByteArray &xml);

} // namespace gloss::interchange::refi
