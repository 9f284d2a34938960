#pragma once

#include "interchange/annotationparser.h"

#include <QList>
#include <QString>

namespace gloss::interchange {

struct AnnotationImportReport
{
    QString error; // set when the file as a whole could not be read; names the file
    int rows = 0; // data rows read
    int highlightsCreated = 0;
    int duplicates = 0; // highlights already in the project, skipped
    int tagsCreated = 0;
    QList<ImportRefusal> refused;
    bool ok() const { return error.isEmpty() && refused.isEmpty(); }
};

// Reading a `highlights` or `highlights-wide` export (guarded or raw, with or without a BOM) back
// into a project that holds the same articles, possibly under other ids. An article is the one
// with the row's article_id when its title and published date agree with the row, else the one
// with that title and date; the row's text must still be the article's text at start..end.
// The import recreates highlights with their tags (creating missing ones), note, coder and times;
// skips highlights the project already has; refuses the rows it cannot place and keeps the rest.
// The work is in three steps: parseAnnotations (the text, pure), placeAnnotations (finds the
// articles through an AnnotationLookup) and the writes, which are operations::Interchange's.

// The text of an export file; on failure an empty text and `error` naming the file and why.
QString readAnnotationFile(const QString &path, QString &error);

} // namespace gloss::interchange
