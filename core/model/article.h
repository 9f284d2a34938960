#pragma once

#include "model/variables.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace gloss::model {

// One news article as stored. `body` is the canonical body (DESIGN.md): it never changes after
// import, and every highlight, mention and time reference points into it.
struct Article
{
    qint64 id = 0;
    QString title;
    QDate published; // invalid when unknown
    QDate retrieved; // invalid when unknown
    QString dateline; // the dateline place, e.g. "WASHINGTON"; empty when none
    qint64 datelineEnd = 0; // code points: the dateline prefix is body[0, datelineEnd)
    QString source;
    QString url;
    QString author;
    QString path; // the file it was imported from
    QString contentHash;
    QString body;
    int words = 0;
    QDateTime imported;
    // Article variables (QDA tools call them document variables): every metadata field a source
    // gives beyond the fixed ones above, by name ("section", "language", "length", "document_id",
    // a CSV's extra column), in the order the source gives them. Names are lower case, words joined
    // by '_'; a name appears once.
    Variables variables;
};

// A row of the article list: what the list shows without loading bodies.
struct ArticleSummary
{
    qint64 id = 0;
    QString title;
    QDate published;
    QString source;
    int highlights = 0;
    QString tags; // article-level tags, joined by ", "
};

// An article found by a search, with a passage of its body around the words that matched.
struct SearchHit
{
    qint64 id = 0;
    QString title;
    QDate published;
    QString source;
    QString snippet; // a passage of the body, "…" where it was cut
    QList<QPair<qsizetype, qsizetype>> matches; // [start, end) of each matched term in snippet (UTF-16)
};

} // namespace gloss::model
