#pragma once

#include "model/refiproject.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace gloss::import::refi {

// What reading a project.qde gave: the project, or the reason it could not be read (naming the
// line and column); warnings for what was read but cannot be used (a selection without numbers).
struct QdeReadResult
{
    model::refi::Project project;
    QString error;
    QStringList warnings;
};

struct CodebookReadResult
{
    QList<model::refi::Code> codes;
    QList<model::refi::Set> sets; // sets of codes
    QString error;
};

// Reads project.qde. Unknown elements are skipped; the namespace may be missing (some writers
// leave it out) but the root must be <Project>.
QdeReadResult readProjectXml(const QByteArray &xml);
// Reads a .qdc codebook; a project.qde's <CodeBook> is read too, so a project can give its codes.
CodebookReadResult readCodebookXml(const QByteArray &xml);

} // namespace gloss::import::refi
